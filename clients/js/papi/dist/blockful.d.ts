import { StorageDescriptor, PlainDescriptor, TxDescriptor, RuntimeDescriptor, Enum, ApisFromDef, QueryFromPalletsDef, TxFromPalletsDef, EventsFromPalletsDef, ErrorsFromPalletsDef, ConstFromPalletsDef, ViewFnsFromPalletsDef, SS58String, SizedHex, FixedSizeArray } from "polkadot-api";
import type { I5sesotjlssv2d, Iffmde3ekjedi9, I4mddgoa69c0a2, I7oalqgft56j54, I95g6i7ilua7lq, Ieniouoqkq4icf, Phase, Ibgl04rn6nbfm6, I4q39t5hn830vp, Ic5m5lp1oioo8r, GrandpaStoredState, I7pe2me3i3vtn9, I9jd27rnpm8ttv, I3geksg000c171, I1q8tnt1cluu5j, I8ds64oj6581v0, Ia7pdug7cdsg8g, Ido3ar7m951ghk, I9bin2jc70qt6q, TransactionPaymentReleases, I5or58uvr4prak, Ifvqn3ldat80ai, I99bb69usss9gs, Ia2lhg7l2hilo3, Idkjtc6vtrnpep, Iae0ial4kt6kku, I5g2vv0ckl2m8b, Iqnbvitf7a7l3, I3pjs7v78ujbii, I4sh1ks928qrqa, I30d5dh31ucgkg, Iafqnechp3omqg, I88nnc0ee110br, I6cs1itejju2vv, I5v1libhfl216g, I5lfavqucpibjd, I3hdj20olt1ol, I7j7b35uvoa1dr, I200n1ov5tbcvr, I39dpgsfrfqoje, Iehrfhjl995url, Iba32499dqm93s, Icieorn6ka531i, Ifip05kcrl65am, In7a38730s6qs, Ibtil0ss5munbk, I9s0ave7t0vnrk, I4fo08joqmcqnm, I8ofcg5rbj0g2c, I4adgbll7gku4i, I6pjjpfvhvcfru, I9pj91mj79qekl, I39uah9nss64h9, Ik64dknsq7k08, Ib51vk42m1po4n, Idcr6u6361oad9, I3a5kuu5t5jj3g, I2hviml3snvhhn, I4ktuaksf5i1gk, I9bqtpv2ii35mp, I9j7pagd6d4bda, I2h9pmio37r7fb, Ibmr18suc9ikh9, I9iq22t0burs89, I5u8olqbbvfnvf, I5utcetro501ir, I38jfk5li8iang, I74emp5umgnkud, Icgt4v2365ttsr, I2dtrijkm5601t, I2ev73t79f46tb, Ib2obgji960euh, I59bngqm85b22v, I4u4n2na1l5uo7, I3c63j6sh3evqn, I8k3rnvpeeh4hv, I133afc08h2mau, I6al1n81n93b1t, Ibmifqrssunvco, Ic5j42oft1f5kr, I9k5t9kbvbglj8, I4qn8j808r96li, I4ov6e94l79mbg, I2opijl8e1qimt, Ia9ohir42h0hf9, Ia82mnkmeo2rhc, I8lgqqoalsg0hh, I1jm8m1rh9e20v, Icbccs0ug47ilf, I855j4i3kr8ko1, I47csbs25lbpk7, I5768ac424h061, Icv68aq8841478, Ic262ibdoec56a, Iflcfm9b6nlmdd, Ijrsf4mnp3eka, Id5fm4p8lj5qgi, I8tjvj9uq4b7hi, I3qt1hgg4djhgb, I4cbvqmqadhrea, I4fooe9dun9o0t, Icod2g7vjgpmav, I10u3uais9uu0g, I2316r102lt9dr, Iph9c4rn81ub2, Ier2cke86dqbr2, Ift6f10887nk72, I7qc53b1tvqjg2, Ieaoiqm0b5hlai, Iak7fhrgb9jnnq, I9ad1o9mv4cm3, Icmfefj421dqem, I5g3pngu611laa, Itv1ia1dl52rq, I2meopcs116bgt, I9e5renqeevhoo, Iah8gotbc8k206, Iefeuvfeiehd8e, I8f77s90m09veo, Ijkmciu2aeft, I5aes8jp4sil1c, Ib0039lp6lgt92, Ic7ra1r7sm2bkv, I8to0ae0golij0, I8lu8i8fbbf50g, If6od6usoiau1p, I576ck46ikjigv, I55io2408av2e1, Idpb498h6c6d92, I1qfg5eiisvo81, Iesrip973sqeht, I3q0i597sar7v4, I75n96gjh63fs1, I7hu7hl7r35nrm, Iafiam56pnd2j6, I5dr54fjj8trt2, I4lceh83ad8670, Ifse9r61jik93c, I80adgjhq267lu, I7uuo0ij7vr12a, Iarnccmin6is0v, I22kdcajb9lkv0, Icevvnkve2cmcd, I666bl2fqjkejo, Iaqet9jc3ihboe, Ic952bubvq4k7d, I2v50gu3s1aqk6, Iabpgqcjikia83, Icgljjb6j82uhn, Iepp4n6amfu6t5, If7uv525tdvv7a, Itom7fk49o0c9, I2an1fs2eiebjp, TransactionValidityTransactionSource, I9ask1o4tfvcvs, I4ph3d1eepnmr1, Icerf8h8pdu8ss, I9puqgoda8ofk4, I6spmpef2c7svf, Iei2mvq0mjvt81, I1d3e2h4cj36ac, Ids4a50qp52734, I5ml23kskunpim, I5mdpqbachq35u, Ie9sr1iqcg3cgm, I1mqgk2tmnn9i2, I6lr8sctk0bi4e, Ib8uj6g30nphit } from "./common-types";
type AnonymousEnum<T extends {}> = T & {
    __anonymous: true;
};
type MyTuple<T> = [T, ...T[]];
type SeparateUndefined<T> = undefined extends T ? undefined | Exclude<T, undefined> : T;
type Anonymize<T> = SeparateUndefined<T extends string | number | bigint | boolean | void | undefined | null | symbol | Uint8Array | Enum<any> ? T : T extends AnonymousEnum<infer V> ? Enum<V> : T extends MyTuple<any> ? {
    [K in keyof T]: T[K];
} : T extends [] ? [] : T extends FixedSizeArray<infer L, infer T> ? number extends L ? Array<T> : FixedSizeArray<L, T> : {
    [K in keyof T & string]: T[K];
}>;
type IStorage = {
    System: {
        /**
         * The full account information for a particular account ID.
         */
        Account: StorageDescriptor<[Key: SS58String], Anonymize<I5sesotjlssv2d>, false, never>;
        /**
         * Total extrinsics count for the current block.
         */
        ExtrinsicCount: StorageDescriptor<[], number, true, never>;
        /**
         * Whether all inherents have been applied.
         */
        InherentsApplied: StorageDescriptor<[], boolean, false, never>;
        /**
         * The current weight for the block.
         */
        BlockWeight: StorageDescriptor<[], Anonymize<Iffmde3ekjedi9>, false, never>;
        /**
         * Total size (in bytes) of the current block.
         *
         * Tracks the size of the header and all extrinsics.
         */
        BlockSize: StorageDescriptor<[], number, true, never>;
        /**
         * Map of block numbers to block hashes.
         */
        BlockHash: StorageDescriptor<[Key: number], SizedHex<32>, false, never>;
        /**
         * Extrinsics data for the current block (maps an extrinsic's index to its data).
         */
        ExtrinsicData: StorageDescriptor<[Key: number], Uint8Array, false, never>;
        /**
         * The current block number being processed. Set by `execute_block`.
         */
        Number: StorageDescriptor<[], number, false, never>;
        /**
         * Hash of the previous block.
         */
        ParentHash: StorageDescriptor<[], SizedHex<32>, false, never>;
        /**
         * Digest of the current block, also part of the block header.
         */
        Digest: StorageDescriptor<[], Anonymize<I4mddgoa69c0a2>, false, never>;
        /**
         * Events deposited for the current block.
         *
         * NOTE: The item is unbound and should therefore never be read on chain.
         * It could otherwise inflate the PoV size of a block.
         *
         * Events have a large in-memory size. Box the events to not go out-of-memory
         * just in case someone still reads them from within the runtime.
         */
        Events: StorageDescriptor<[], Anonymize<I7oalqgft56j54>, false, never>;
        /**
         * The number of events in the `Events<T>` list.
         */
        EventCount: StorageDescriptor<[], number, false, never>;
        /**
         * Mapping between a topic (represented by T::Hash) and a vector of indexes
         * of events in the `<Events<T>>` list.
         *
         * All topic vectors have deterministic storage locations depending on the topic. This
         * allows light-clients to leverage the changes trie storage tracking mechanism and
         * in case of changes fetch the list of events of interest.
         *
         * The value has the type `(BlockNumberFor<T>, EventIndex)` because if we used only just
         * the `EventIndex` then in case if the topic has the same contents on the next block
         * no notification will be triggered thus the event might be lost.
         */
        EventTopics: StorageDescriptor<[Key: SizedHex<32>], Anonymize<I95g6i7ilua7lq>, false, never>;
        /**
         * Stores the `spec_version` and `spec_name` of when the last runtime upgrade happened.
         */
        LastRuntimeUpgrade: StorageDescriptor<[], Anonymize<Ieniouoqkq4icf>, true, never>;
        /**
         * Number of blocks till the pending code upgrade is applied.
         */
        BlocksTillUpgrade: StorageDescriptor<[], number, true, never>;
        /**
         * True if we have upgraded so that `type RefCount` is `u32`. False (default) if not.
         */
        UpgradedToU32RefCount: StorageDescriptor<[], boolean, false, never>;
        /**
         * True if we have upgraded so that AccountInfo contains three types of `RefCount`. False
         * (default) if not.
         */
        UpgradedToTripleRefCount: StorageDescriptor<[], boolean, false, never>;
        /**
         * The execution phase of the block.
         */
        ExecutionPhase: StorageDescriptor<[], Phase, true, never>;
        /**
         * `Some` if a code upgrade has been authorized.
         */
        AuthorizedUpgrade: StorageDescriptor<[], Anonymize<Ibgl04rn6nbfm6>, true, never>;
        /**
         * The weight reclaimed for the extrinsic.
         *
         * This information is available until the end of the extrinsic execution.
         * More precisely this information is removed in `note_applied_extrinsic`.
         *
         * Logic doing some post dispatch weight reduction must update this storage to avoid duplicate
         * reduction.
         */
        ExtrinsicWeightReclaimed: StorageDescriptor<[], Anonymize<I4q39t5hn830vp>, false, never>;
    };
    Timestamp: {
        /**
         * The current time for the current block.
         */
        Now: StorageDescriptor<[], bigint, false, never>;
        /**
         * Whether the timestamp has been updated in this block.
         *
         * This value is updated to `true` upon successful submission of a timestamp by a node.
         * It is then checked at the end of each block execution in the `on_finalize` hook.
         */
        DidUpdate: StorageDescriptor<[], boolean, false, never>;
    };
    Aura: {
        /**
         * The current authority set.
         */
        Authorities: StorageDescriptor<[], Anonymize<Ic5m5lp1oioo8r>, false, never>;
        /**
         * The current slot of this block.
         *
         * This will be set in `on_initialize`.
         */
        CurrentSlot: StorageDescriptor<[], bigint, false, never>;
    };
    Grandpa: {
        /**
         * State of the current authority set.
         */
        State: StorageDescriptor<[], GrandpaStoredState, false, never>;
        /**
         * Pending change: (signaled at, scheduled change).
         */
        PendingChange: StorageDescriptor<[], Anonymize<I7pe2me3i3vtn9>, true, never>;
        /**
         * next block number where we can force a change.
         */
        NextForced: StorageDescriptor<[], number, true, never>;
        /**
         * `true` if we are currently stalled.
         */
        Stalled: StorageDescriptor<[], Anonymize<I9jd27rnpm8ttv>, true, never>;
        /**
         * The number of changes (both in terms of keys and underlying economic responsibilities)
         * in the "set" of Grandpa validators from genesis.
         */
        CurrentSetId: StorageDescriptor<[], bigint, false, never>;
        /**
         * A mapping from grandpa set ID to the index of the *most recent* session for which its
         * members were responsible.
         *
         * This is only used for validating equivocation proofs. An equivocation proof must
         * contains a key-ownership proof for a given session, therefore we need a way to tie
         * together sessions and GRANDPA set ids, i.e. we need to validate that a validator
         * was the owner of a given key on a given session, and what the active set ID was
         * during that session.
         *
         * TWOX-NOTE: `SetId` is not under user control.
         */
        SetIdSession: StorageDescriptor<[Key: bigint], number, true, never>;
        /**
         * The current list of authorities.
         */
        Authorities: StorageDescriptor<[], Anonymize<I3geksg000c171>, false, never>;
    };
    Balances: {
        /**
         * The total units issued in the system.
         */
        TotalIssuance: StorageDescriptor<[], bigint, false, never>;
        /**
         * The total units of outstanding deactivated balance in the system.
         *
         * This is not guaranteed to be less than or equal to [`TotalIssuance`]. Total issuance may be
         * reduced independently of this value, including while a reversible imbalance is outstanding.
         * Active issuance is therefore derived using saturating subtraction.
         */
        InactiveIssuance: StorageDescriptor<[], bigint, false, never>;
        /**
         * The Balances pallet example of storing the balance of an account.
         *
         * # Example
         *
         * ```nocompile
         * impl pallet_balances::Config for Runtime {
         * type AccountStore = StorageMapShim<Self::Account<Runtime>, frame_system::Provider<Runtime>, AccountId, Self::AccountData<Balance>>
         * }
         * ```
         *
         * You can also store the balance of an account in the `System` pallet.
         *
         * # Example
         *
         * ```nocompile
         * impl pallet_balances::Config for Runtime {
         * type AccountStore = System
         * }
         * ```
         *
         * But this comes with tradeoffs, storing account balances in the system pallet stores
         * `frame_system` data alongside the account data contrary to storing account balances in the
         * `Balances` pallet, which uses a `StorageMap` to store balances data only.
         * NOTE: This is only used in the case that this pallet is used to store balances.
         */
        Account: StorageDescriptor<[Key: SS58String], Anonymize<I1q8tnt1cluu5j>, false, never>;
        /**
         * Any liquidity locks on some account balances.
         * NOTE: Should only be accessed when setting, changing and freeing a lock.
         *
         * Use of locks is deprecated in favour of freezes. See `https://github.com/paritytech/substrate/pull/12951/`
         */
        Locks: StorageDescriptor<[Key: SS58String], Anonymize<I8ds64oj6581v0>, false, never>;
        /**
         * Named reserves on some account balances.
         *
         * Use of reserves is deprecated in favour of holds. See `https://github.com/paritytech/substrate/pull/12951/`
         */
        Reserves: StorageDescriptor<[Key: SS58String], Anonymize<Ia7pdug7cdsg8g>, false, never>;
        /**
         * Holds on account balances.
         */
        Holds: StorageDescriptor<[Key: SS58String], Anonymize<Ido3ar7m951ghk>, false, never>;
        /**
         * Freeze locks on account balances.
         */
        Freezes: StorageDescriptor<[Key: SS58String], Anonymize<I9bin2jc70qt6q>, false, never>;
    };
    TransactionPayment: {
        /**
        
         */
        NextFeeMultiplier: StorageDescriptor<[], bigint, false, never>;
        /**
        
         */
        StorageVersion: StorageDescriptor<[], TransactionPaymentReleases, false, never>;
        /**
         * The `OnChargeTransaction` stores the withdrawn tx fee here.
         *
         * Use `withdraw_txfee` and `remaining_txfee` to access from outside the crate.
         */
        TxPaymentCredit: StorageDescriptor<[], bigint, true, never>;
    };
    Committee: {
        /**
         * The hashes of the active proposals.
         */
        Proposals: StorageDescriptor<[], Anonymize<Ic5m5lp1oioo8r>, false, never>;
        /**
         * Actual proposal for a given hash, if it's current.
         */
        ProposalOf: StorageDescriptor<[Key: SizedHex<32>], Anonymize<I5or58uvr4prak>, true, never>;
        /**
         * Consideration cost created for publishing and storing a proposal.
         *
         * Determined by [Config::Consideration] and may be not present for certain proposals (e.g. if
         * the proposal count at the time of creation was below threshold N).
         */
        CostOf: StorageDescriptor<[Key: SizedHex<32>], Anonymize<Ifvqn3ldat80ai>, true, never>;
        /**
         * Votes on a given proposal, if it is ongoing.
         */
        Voting: StorageDescriptor<[Key: SizedHex<32>], Anonymize<I99bb69usss9gs>, true, never>;
        /**
         * Proposals so far.
         */
        ProposalCount: StorageDescriptor<[], number, false, never>;
        /**
         * The current members of the collective. This is stored sorted (just by value).
         */
        Members: StorageDescriptor<[], Anonymize<Ia2lhg7l2hilo3>, false, never>;
        /**
         * The prime member that helps determine the default vote behavior in case of abstentions.
         */
        Prime: StorageDescriptor<[], SS58String, true, never>;
    };
    CommitteeMembership: {
        /**
         * The current membership, stored as an ordered Vec.
         */
        Members: StorageDescriptor<[], Anonymize<Ia2lhg7l2hilo3>, false, never>;
        /**
         * The current prime member, if one exists.
         */
        Prime: StorageDescriptor<[], SS58String, true, never>;
    };
    Threshold: {
        /**
         * The DKG run in progress, if any.
         */
        Dkg: StorageDescriptor<[], Anonymize<Idkjtc6vtrnpep>, true, never>;
        /**
         * The epoch the next DKG run gets.
         */
        NextEpoch: StorageDescriptor<[], number, false, never>;
        /**
         * DKG commit-phase messages: `(epoch, member) -> commitment`.
         */
        DkgCommitments: StorageDescriptor<Anonymize<I5g2vv0ckl2m8b>, Anonymize<Iae0ial4kt6kku>, true, never>;
        /**
         * DKG share-phase messages: `(epoch, dealer) -> [(receiver, encrypted share)]`.
         */
        DkgShares: StorageDescriptor<Anonymize<I5g2vv0ckl2m8b>, Anonymize<Iqnbvitf7a7l3>, true, never>;
        /**
         * Dealers disqualified by a justified complaint: `(epoch, dealer) -> complainer`.
         */
        Disqualified: StorageDescriptor<Anonymize<I5g2vv0ckl2m8b>, number, true, never>;
        /**
         * Complaints processed: `(epoch, (complainer, dealer))`; each counts once.
         */
        DkgComplaints: StorageDescriptor<Anonymize<I3pjs7v78ujbii>, null, true, never>;
        /**
         * The key the confirm phase of the run in progress confirms: its qualified dealers and
         * public key package (recomputed when a complaint disqualifies a dealer).
         */
        DkgPending: StorageDescriptor<[], Anonymize<I4sh1ks928qrqa>, true, never>;
        /**
         * Members that confirmed the pending key: `(epoch, member)`.
         */
        DkgConfirmed: StorageDescriptor<Anonymize<I5g2vv0ckl2m8b>, null, true, never>;
        /**
         * The raw `bkfe` public key of each member's latest DKG commitment: its node derives
         * its next epoch's secrets from this key while its keystore holds it.
         */
        BoundSecretKeys: StorageDescriptor<[Key: SS58String], Uint8Array, true, never>;
        /**
         * The committee key of each completed epoch (public data only).
         */
        Keys: StorageDescriptor<[Key: number], Anonymize<I4sh1ks928qrqa>, true, never>;
        /**
         * The epoch whose group key is the live chain's chameleon-hash key.
         */
        ActiveEpoch: StorageDescriptor<[], number, true, never>;
        /**
         * Digest of a committee whose change the runtime could not act on (so that the refusal
         * is reported once, not every block).
         */
        RefusedCommittee: StorageDescriptor<[], SizedHex<32>, true, never>;
        /**
         * Redaction proposals by id.
         */
        Proposals: StorageDescriptor<[Key: bigint], Anonymize<I30d5dh31ucgkg>, true, never>;
        /**
         * Proposal ids in signing order; the head is being signed.
         */
        Queue: StorageDescriptor<[], Anonymize<Iafqnechp3omqg>, false, never>;
        /**
         * Id the next proposal gets.
         */
        NextProposalId: StorageDescriptor<[], bigint, false, never>;
        /**
         * The chunks of an approved update set not yet being signed: `(proposal, chunk) ->
         * (tx, new uri)` pairs, at most `MaxUpdates`; taken when the chunk before is applied,
         * removed with the proposal.
         */
        PendingChunks: StorageDescriptor<Anonymize<I6cs1itejju2vv>, Anonymize<I88nnc0ee110br>, true, never>;
        /**
         * Round-1 commitments of the head proposal's current attempt: `(proposal, member) ->
         * one per collision`.
         */
        SignCommitments: StorageDescriptor<Anonymize<I6cs1itejju2vv>, Anonymize<I5v1libhfl216g>, true, never>;
        /**
         * Round-1 commitments sent **ahead** for the head proposal's next chunk while its
         * current chunk is in round 2 ([`Message::SignCommitAhead`]): `(proposal, member) ->
         * one per collision of that chunk`. They become that chunk's [`SignCommitments`] when
         * the current chunk is applied, and are void (cleared) when its attempt restarts.
         */
        AheadCommitments: StorageDescriptor<Anonymize<I6cs1itejju2vv>, Anonymize<I5v1libhfl216g>, true, never>;
        /**
         * The live blocks of a proposal's next chunk, ascending: its collisions are its
         * models and these headers, so a commitment sent ahead has a known length. Set when a
         * chunk starts (absent after the last: nothing to commit ahead for).
         */
        NextHeights: StorageDescriptor<[Key: bigint], Anonymize<Iafqnechp3omqg>, true, never>;
        /**
         * Verified round-2 partial shares of the head proposal's current attempt.
         */
        SignShares: StorageDescriptor<Anonymize<I6cs1itejju2vv>, Anonymize<Ic5m5lp1oioo8r>, true, never>;
        /**
         * Member messages included in the current block (bounded by `MaxMessagesPerBlock`).
         */
        MessagesInBlock: StorageDescriptor<[], number, false, never>;
        /**
         * Proven misbehaviour per member: invalid partial shares, disqualifying complaints
         * against it, false complaints by it.
         */
        Misbehaviour: StorageDescriptor<[Key: SS58String], number, false, never>;
    };
    Archive: {
        /**
         * Archived model versions by sequence number.
         */
        Records: StorageDescriptor<[Key: bigint], Anonymize<I5lfavqucpibjd>, true, never>;
        /**
         * Hash of each record (`blake2_256(prev_hash ‖ SCALE(record))`).
         */
        RecordHashes: StorageDescriptor<[Key: bigint], SizedHex<32>, true, never>;
        /**
         * Sequence number the next record gets; equals the number of records.
         */
        NextSeq: StorageDescriptor<[], bigint, false, never>;
        /**
         * Hash of the newest record (`H256::zero()` while the archive is empty).
         */
        Head: StorageDescriptor<[], SizedHex<32>, false, never>;
        /**
         * Sequence numbers of a transaction's records: `(tx, n) -> seq` for its `n`-th record.
         */
        Lineage: StorageDescriptor<Anonymize<I6cs1itejju2vv>, bigint, true, never>;
        /**
         * Number of records a transaction has in the archive.
         */
        LineageLen: StorageDescriptor<[Key: bigint], number, false, never>;
    };
    LiveChain: {
        /**
         * The chameleon-hash public key every transaction and header verifies under.
         */
        ChPublicKey: StorageDescriptor<[], SizedHex<32>, true, never>;
        /**
         * Live model transactions by id.
         */
        Txs: StorageDescriptor<[Key: bigint], Anonymize<I3hdj20olt1ol>, true, never>;
        /**
         * Id the next published model gets; equals the number of models.
         */
        NextTxId: StorageDescriptor<[], bigint, false, never>;
        /**
         * Live-block headers by height.
         */
        Blocks: StorageDescriptor<[Key: bigint], Anonymize<I7j7b35uvoa1dr>, true, never>;
        /**
         * Transaction ids of each live block, in order (the Merkle leaves).
         */
        BlockTxs: StorageDescriptor<[Key: bigint], Anonymize<Iafqnechp3omqg>, false, never>;
        /**
         * Height the next live block gets; equals the number of live blocks.
         */
        NextHeight: StorageDescriptor<[], bigint, false, never>;
        /**
         * Models published in the current block, sealed into a live block in `on_finalize`.
         */
        PendingTxs: StorageDescriptor<[], Anonymize<Iafqnechp3omqg>, false, never>;
        /**
         * DAG edges, parent to child: `(parent, child) -> ()` for every reference.
         */
        Children: StorageDescriptor<Anonymize<I200n1ov5tbcvr>, null, true, never>;
    };
    Unlearning: {
        /**
         * Unlearning requests by id.
         */
        Requests: StorageDescriptor<[Key: bigint], Anonymize<I39dpgsfrfqoje>, true, never>;
        /**
         * Id the next request gets; equals the number of requests.
         */
        NextRequestId: StorageDescriptor<[], bigint, false, never>;
        /**
         * The open request whose affected set holds a model: `tx -> request id`.
         */
        LockedBy: StorageDescriptor<[Key: bigint], bigint, true, never>;
        /**
         * Requests that expire at the start of a block, if still open.
         */
        Expiries: StorageDescriptor<[Key: number], Anonymize<Iafqnechp3omqg>, false, never>;
        /**
         * Owners' updates of open requests: `(request, tx) -> update`, removed when the
         * request closes.
         */
        Updates: StorageDescriptor<Anonymize<I200n1ov5tbcvr>, Anonymize<Iehrfhjl995url>, true, never>;
        /**
         * Closed requests whose locks and submissions are still being released, a few blocks
         * at most: `id -> models of its affected set released so far` (a prefix). The rest
         * stay locked by it until released (each to the earliest waiting request needing it).
         */
        Releasing: StorageDescriptor<[Key: bigint], number, true, never>;
        /**
         * Where the affected-set search of each `Computing` request stands (removed when its
         * set is complete or it closes).
         */
        Frontiers: StorageDescriptor<[Key: bigint], Anonymize<Iba32499dqm93s>, true, never>;
        /**
         * Sample-level requests: what each withdraws, as a commitment (its `classes` are
         * empty). Kept after the request closes: the public record of what was withdrawn.
         */
        SampleWithdrawals: StorageDescriptor<[Key: bigint], Anonymize<Icieorn6ka531i>, true, never>;
        /**
         * Requests waiting behind overlapping open requests, and those whose affected set is
         * still being computed, in filing order, each with the number of its (found) affected
         * models it does not hold yet.
         */
        Waiting: StorageDescriptor<[], Anonymize<Ifip05kcrl65am>, false, never>;
        /**
         * Blocks after a request's activation during which only owners may submit updates;
         * afterwards (parallel paradigm, inherited models) anyone may submit the public-data
         * update of an owner who has not answered.
         */
        UpdateWindow: StorageDescriptor<[], number, false, never>;
    };
};
type ICalls = {
    System: {
        /**
         * Make some on-chain remark.
         *
         * Can be executed by every `origin`.
         */
        remark: TxDescriptor<Anonymize<I8ofcg5rbj0g2c>>;
        /**
         * Set the number of pages in the WebAssembly environment's heap.
         */
        set_heap_pages: TxDescriptor<Anonymize<I4adgbll7gku4i>>;
        /**
         * Set the new runtime code.
         */
        set_code: TxDescriptor<Anonymize<I6pjjpfvhvcfru>>;
        /**
         * Set the new runtime code without doing any checks of the given `code`.
         *
         * Note that runtime upgrades will not run if this is called with a not-increasing spec
         * version!
         */
        set_code_without_checks: TxDescriptor<Anonymize<I6pjjpfvhvcfru>>;
        /**
         * Set some items of storage.
         */
        set_storage: TxDescriptor<Anonymize<I9pj91mj79qekl>>;
        /**
         * Kill some items from storage.
         */
        kill_storage: TxDescriptor<Anonymize<I39uah9nss64h9>>;
        /**
         * Kill all storage items with a key that starts with the given prefix.
         *
         * **NOTE:** We rely on the Root origin to provide us the number of subkeys under
         * the prefix we are removing to accurately calculate the weight of this function.
         */
        kill_prefix: TxDescriptor<Anonymize<Ik64dknsq7k08>>;
        /**
         * Make some on-chain remark and emit event.
         */
        remark_with_event: TxDescriptor<Anonymize<I8ofcg5rbj0g2c>>;
        /**
         * Authorize an upgrade to a given `code_hash` for the runtime. The runtime can be supplied
         * later.
         *
         * This call requires Root origin.
         */
        authorize_upgrade: TxDescriptor<Anonymize<Ib51vk42m1po4n>>;
        /**
         * Authorize an upgrade to a given `code_hash` for the runtime. The runtime can be supplied
         * later.
         *
         * WARNING: This authorizes an upgrade that will take place without any safety checks, for
         * example that the spec name remains the same and that the version number increases. Not
         * recommended for normal use. Use `authorize_upgrade` instead.
         *
         * This call requires Root origin.
         */
        authorize_upgrade_without_checks: TxDescriptor<Anonymize<Ib51vk42m1po4n>>;
        /**
         * Provide the preimage (runtime binary) `code` for an upgrade that has been authorized.
         *
         * If the authorization required a version check, this call will ensure the spec name
         * remains unchanged and that the spec version has increased.
         *
         * Depending on the runtime's `OnSetCode` configuration, this function may directly apply
         * the new `code` in the same block or attempt to schedule the upgrade.
         *
         * All origins are allowed.
         */
        apply_authorized_upgrade: TxDescriptor<Anonymize<I6pjjpfvhvcfru>>;
    };
    Timestamp: {
        /**
         * Set the current time.
         *
         * This call should be invoked exactly once per block. It will panic at the finalization
         * phase, if this call hasn't been invoked by that time.
         *
         * The timestamp should be greater than the previous one by the amount specified by
         * [`Config::MinimumPeriod`].
         *
         * The dispatch origin for this call must be _None_.
         *
         * This dispatch class is _Mandatory_ to ensure it gets executed in the block. Be aware
         * that changing the complexity of this call could result exhausting the resources in a
         * block to execute any other calls.
         *
         * ## Complexity
         * - `O(1)` (Note that implementations of `OnTimestampSet` must also be `O(1)`)
         * - 1 storage read and 1 storage mutation (codec `O(1)` because of `DidUpdate::take` in
         * `on_finalize`)
         * - 1 event handler `on_timestamp_set`. Must be `O(1)`.
         */
        set: TxDescriptor<Anonymize<Idcr6u6361oad9>>;
    };
    Grandpa: {
        /**
         * Report voter equivocation/misbehavior. This method will verify the
         * equivocation proof and validate the given key ownership proof
         * against the extracted offender. If both are valid, the offence
         * will be reported.
         */
        report_equivocation: TxDescriptor<Anonymize<I3a5kuu5t5jj3g>>;
        /**
         * Report voter equivocation/misbehavior. This method will verify the
         * equivocation proof and validate the given key ownership proof
         * against the extracted offender. If both are valid, the offence
         * will be reported.
         *
         * This extrinsic must be called unsigned and it is expected that only
         * block authors will call it (validated in `ValidateUnsigned`), as such
         * if the block author is defined it will be defined as the equivocation
         * reporter.
         */
        report_equivocation_unsigned: TxDescriptor<Anonymize<I3a5kuu5t5jj3g>>;
        /**
         * Note that the current authority set of the GRANDPA finality gadget has stalled.
         *
         * This will trigger a forced authority set change at the beginning of the next session, to
         * be enacted `delay` blocks after that. The `delay` should be high enough to safely assume
         * that the block signalling the forced change will not be re-orged e.g. 1000 blocks.
         * The block production rate (which may be slowed down because of finality lagging) should
         * be taken into account when choosing the `delay`. The GRANDPA voters based on the new
         * authority will start voting on top of `best_finalized_block_number` for new finalized
         * blocks. `best_finalized_block_number` should be the highest of the latest finalized
         * block of all validators of the new authority set.
         *
         * Only callable by root.
         */
        note_stalled: TxDescriptor<Anonymize<I2hviml3snvhhn>>;
    };
    Balances: {
        /**
         * Transfer some liquid free balance to another account.
         *
         * `transfer_allow_death` will set the `FreeBalance` of the sender and receiver.
         * If the sender's account is below the existential deposit as a result
         * of the transfer, the account will be reaped.
         *
         * The dispatch origin for this call must be `Signed` by the transactor.
         */
        transfer_allow_death: TxDescriptor<Anonymize<I4ktuaksf5i1gk>>;
        /**
         * Exactly as `transfer_allow_death`, except the origin must be root and the source account
         * may be specified.
         */
        force_transfer: TxDescriptor<Anonymize<I9bqtpv2ii35mp>>;
        /**
         * Same as the [`transfer_allow_death`] call, but with a check that the transfer will not
         * kill the origin account.
         *
         * 99% of the time you want [`transfer_allow_death`] instead.
         *
         * [`transfer_allow_death`]: struct.Pallet.html#method.transfer
         */
        transfer_keep_alive: TxDescriptor<Anonymize<I4ktuaksf5i1gk>>;
        /**
         * Transfer the entire transferable balance from the caller account.
         *
         * NOTE: This function only attempts to transfer _transferable_ balances. This means that
         * any locked, reserved, or existential deposits (when `keep_alive` is `true`), will not be
         * transferred by this function. To ensure that this function results in a killed account,
         * you might need to prepare the account by removing any reference counters, storage
         * deposits, etc...
         *
         * The dispatch origin of this call must be Signed.
         *
         * - `dest`: The recipient of the transfer.
         * - `keep_alive`: A boolean to determine if the `transfer_all` operation should send all
         * of the funds the account has, causing the sender account to be killed (false), or
         * transfer everything except at least the existential deposit, which will guarantee to
         * keep the sender account alive (true).
         */
        transfer_all: TxDescriptor<Anonymize<I9j7pagd6d4bda>>;
        /**
         * Unreserve some balance from a user by force.
         *
         * Can only be called by ROOT.
         */
        force_unreserve: TxDescriptor<Anonymize<I2h9pmio37r7fb>>;
        /**
         * Upgrade a specified account.
         *
         * - `origin`: Must be `Signed`.
         * - `who`: The account to be upgraded.
         *
         * This will waive the transaction fee if at least all but 10% of the accounts needed to
         * be upgraded. (We let some not have to be upgraded just in order to allow for the
         * possibility of churn).
         */
        upgrade_accounts: TxDescriptor<Anonymize<Ibmr18suc9ikh9>>;
        /**
         * Set the regular balance of a given account.
         *
         * The dispatch origin for this call is `root`.
         */
        force_set_balance: TxDescriptor<Anonymize<I9iq22t0burs89>>;
        /**
         * Adjust the total issuance in a saturating way.
         *
         * Can only be called by root and always needs a positive `delta`.
         *
         * # Example
         */
        force_adjust_total_issuance: TxDescriptor<Anonymize<I5u8olqbbvfnvf>>;
        /**
         * Burn the specified liquid free balance from the origin account.
         *
         * If the origin's account ends up below the existential deposit as a result
         * of the burn and `keep_alive` is false, the account will be reaped.
         *
         * Unlike sending funds to a _burn_ address, which merely makes the funds inaccessible,
         * this `burn` operation will reduce total issuance by the amount _burned_.
         */
        burn: TxDescriptor<Anonymize<I5utcetro501ir>>;
    };
    Committee: {
        /**
         * Set the collective's membership.
         *
         * - `new_members`: The new member list. Be nice to the chain and provide it sorted.
         * - `prime`: The prime member whose vote sets the default.
         * - `old_count`: The upper bound for the previous number of members in storage. Used for
         * weight estimation.
         *
         * The dispatch of this call must be `SetMembersOrigin`.
         *
         * NOTE: Does not enforce the expected `MaxMembers` limit on the amount of members, but
         * the weight estimations rely on it to estimate dispatchable weight.
         *
         * # WARNING:
         *
         * The `pallet-collective` can also be managed by logic outside of the pallet through the
         * implementation of the trait [`ChangeMembers`].
         * Any call to `set_members` must be careful that the member set doesn't get out of sync
         * with other logic managing the member set.
         *
         * ## Complexity:
         * - `O(MP + N)` where:
         * - `M` old-members-count (code- and governance-bounded)
         * - `N` new-members-count (code- and governance-bounded)
         * - `P` proposals-count (code-bounded)
         */
        set_members: TxDescriptor<Anonymize<I38jfk5li8iang>>;
        /**
         * Dispatch a proposal from a member using the `Member` origin.
         *
         * Origin must be a member of the collective.
         *
         * ## Complexity:
         * - `O(B + M + P)` where:
         * - `B` is `proposal` size in bytes (length-fee-bounded)
         * - `M` members-count (code-bounded)
         * - `P` complexity of dispatching `proposal`
         */
        execute: TxDescriptor<Anonymize<I74emp5umgnkud>>;
        /**
         * Add a new proposal to either be voted on or executed directly.
         *
         * Requires the sender to be member.
         *
         * `threshold` determines whether `proposal` is executed directly (`threshold < 2`)
         * or put up for voting.
         *
         * ## Complexity
         * - `O(B + M + P1)` or `O(B + M + P2)` where:
         * - `B` is `proposal` size in bytes (length-fee-bounded)
         * - `M` is members-count (code- and governance-bounded)
         * - branching is influenced by `threshold` where:
         * - `P1` is proposal execution complexity (`threshold < 2`)
         * - `P2` is proposals-count (code-bounded) (`threshold >= 2`)
         */
        propose: TxDescriptor<Anonymize<Icgt4v2365ttsr>>;
        /**
         * Add an aye or nay vote for the sender to the given proposal.
         *
         * Requires the sender to be a member.
         *
         * Transaction fees will be waived if the member is voting on any particular proposal
         * for the first time and the call is successful. Subsequent vote changes will charge a
         * fee.
         * ## Complexity
         * - `O(M)` where `M` is members-count (code- and governance-bounded)
         */
        vote: TxDescriptor<Anonymize<I2dtrijkm5601t>>;
        /**
         * Disapprove a proposal, close, and remove it from the system, regardless of its current
         * state.
         *
         * Must be called by the Root origin.
         *
         * Parameters:
         * * `proposal_hash`: The hash of the proposal that should be disapproved.
         *
         * ## Complexity
         * O(P) where P is the number of max proposals
         */
        disapprove_proposal: TxDescriptor<Anonymize<I2ev73t79f46tb>>;
        /**
         * Close a vote that is either approved, disapproved or whose voting period has ended.
         *
         * May be called by any signed account in order to finish voting and close the proposal.
         *
         * If called before the end of the voting period it will only close the vote if it is
         * has enough votes to be approved or disapproved.
         *
         * If called after the end of the voting period abstentions are counted as rejections
         * unless there is a prime member set and the prime member cast an approval.
         *
         * If the close operation completes successfully with disapproval, the transaction fee will
         * be waived. Otherwise execution of the approved operation will be charged to the caller.
         *
         * + `proposal_weight_bound`: The maximum amount of weight consumed by executing the closed
         * proposal.
         * + `length_bound`: The upper bound for the length of the proposal in storage. Checked via
         * `storage::read` so it is `size_of::<u32>() == 4` larger than the pure length.
         *
         * ## Complexity
         * - `O(B + M + P1 + P2)` where:
         * - `B` is `proposal` size in bytes (length-fee-bounded)
         * - `M` is members-count (code- and governance-bounded)
         * - `P1` is the complexity of `proposal` preimage.
         * - `P2` is proposal-count (code-bounded)
         */
        close: TxDescriptor<Anonymize<Ib2obgji960euh>>;
        /**
         * Disapprove the proposal and burn the cost held for storing this proposal.
         *
         * Parameters:
         * - `origin`: must be the `KillOrigin`.
         * - `proposal_hash`: The hash of the proposal that should be killed.
         *
         * Emits `Killed` and `ProposalCostBurned` if any cost was held for a given proposal.
         */
        kill: TxDescriptor<Anonymize<I2ev73t79f46tb>>;
        /**
         * Release the cost held for storing a proposal once the given proposal is completed.
         *
         * If there is no associated cost for the given proposal, this call will have no effect.
         *
         * Parameters:
         * - `origin`: must be `Signed` or `Root`.
         * - `proposal_hash`: The hash of the proposal.
         *
         * Emits `ProposalCostReleased` if any cost held for a given proposal.
         */
        release_proposal_cost: TxDescriptor<Anonymize<I2ev73t79f46tb>>;
    };
    CommitteeMembership: {
        /**
         * Add a member `who` to the set.
         *
         * May only be called from `T::AddOrigin`.
         */
        add_member: TxDescriptor<Anonymize<I59bngqm85b22v>>;
        /**
         * Remove a member `who` from the set.
         *
         * May only be called from `T::RemoveOrigin`.
         */
        remove_member: TxDescriptor<Anonymize<I59bngqm85b22v>>;
        /**
         * Swap out one member `remove` for another `add`.
         *
         * May only be called from `T::SwapOrigin`.
         *
         * Prime membership is *not* passed from `remove` to `add`, if extant.
         */
        swap_member: TxDescriptor<Anonymize<I4u4n2na1l5uo7>>;
        /**
         * Change the membership to a new set, disregarding the existing membership. Be nice and
         * pass `members` pre-sorted.
         *
         * May only be called from `T::ResetOrigin`.
         */
        reset_members: TxDescriptor<Anonymize<I3c63j6sh3evqn>>;
        /**
         * Swap out the sending member for some other key `new`.
         *
         * May only be called from `Signed` origin of a current member.
         *
         * Prime membership is passed from the origin account to `new`, if extant.
         */
        change_key: TxDescriptor<Anonymize<I8k3rnvpeeh4hv>>;
        /**
         * Set the prime member. Must be a current member.
         *
         * May only be called from `T::PrimeOrigin`.
         */
        set_prime: TxDescriptor<Anonymize<I59bngqm85b22v>>;
        /**
         * Remove the prime member if it exists.
         *
         * May only be called from `T::PrimeOrigin`.
         */
        clear_prime: TxDescriptor<undefined>;
    };
    Upgrade: {
        /**
         * Authorises a runtime upgrade to the code whose hash is `code_hash` (emits
         * `System::UpgradeAuthorized`). The code is then applied by anyone with
         * `System::apply_authorized_upgrade`, which checks the spec version.
         */
        authorize_upgrade: TxDescriptor<Anonymize<Ib51vk42m1po4n>>;
    };
    Threshold: {
        /**
         * A committee member's DKG or signing message, signed with its member key. Sent
         * by the members' off-chain workers as an unsigned transaction (no fee, no nonce);
         * the signature is checked in validation. Charged the most the message can cost;
         * a round-2 share that does not complete the round is refunded to its record.
         */
        submit: TxDescriptor<Anonymize<I133afc08h2mau>>;
        /**
         * Queues the next redaction of unlearning request `request` for the committee's
         * off-chain workers, which compute its collisions. Its updates are **the models'
         * owners' submissions** (`Unlearning.submit_update`), read from the chain — the
         * caller chooses nothing, so anyone may call it (the owner whose submission made
         * the request ready, typically). Parallel: every affected model must have its
         * update and the request no queued proposal; sequential: the first submitted
         * update whose affected parents are applied and that no queued proposal holds.
         * One requester's requests hold at most `MaxQueuedPerRequester` places.
         */
        propose_redaction: TxDescriptor<Anonymize<I6al1n81n93b1t>>;
        /**
         * Starts a key generation for the current committee (2/3 of the committee). With an
         * active committee key it is a **resharing**: the members of the old key deal their
         * shares to the new committee, the group key stays the same (every model and header
         * keeps verifying) and the new committee signs from then on; at least the old
         * threshold of old members must be in the new committee. Without one, a fresh DKG —
         * refused once models are bound to a key that did not come from the committee.
         * Refused while a run is in progress. (A membership change starts the resharing by
         * itself; this call retries one that failed.)
         */
        start_dkg: TxDescriptor<undefined>;
        /**
         * Drops queued proposal `proposal` (the committee's 2/3): a way to stop one
         * redaction without pausing the members' nodes. Its request stays open; the owners'
         * updates stay submitted.
         */
        reject_proposal: TxDescriptor<Anonymize<Ibmifqrssunvco>>;
    };
    LiveChain: {
        /**
         * Publishes a model: `uri` its CID, `refs` the distinct ids of the models it
         * aggregated (none of them locked by an open unlearning request), `(ch, rand)` a
         * chameleon hash of SCALE `(uri, refs)` under [`ChPublicKey`]. Holds
         * [`Config::ModelDeposit`] from the signer. The model joins the pending live block
         * (sealed at the end of the chain block, or as soon as it holds `MaxTxsPerBlock`
         * models) and the archive (as version 0).
         */
        publish_model: TxDescriptor<Anonymize<Ic5j42oft1f5kr>>;
        /**
         * Replaces model URIs for unlearning request `request`, which the redaction must
         * advance (checked by [`Config::OnRedaction`]). Each of `updates` carries a
         * collision under the model's unchanged `ch` for SCALE `(new uri, old refs)`;
         * `headers` has exactly one collision per touched live block, for SCALE
         * `(height, version + 1)`. Atomic: any failing check changes nothing and the error
         * names it. Each new version is archived as it becomes live.
         */
        redact: TxDescriptor<Anonymize<I9k5t9kbvbglj8>>;
    };
    Unlearning: {
        /**
         * Asks that the `start` models (all owned by the signer) and every model that
         * inherited from them forget `classes`, under `paradigm`. Stores the request with
         * its affected set in topological order and holds [`Config::RequestDeposit`]. It
         * locks the affected models no other open request holds; if it holds them all it
         * is `Pending` (its expiry [`Config::RequestTtl`] blocks from now), else `Waiting`
         * behind the earlier requests ([`Waiting`]), never refused for overlapping.
         *
         * A set larger than one filing step ([`Config::MaxFilingStep`] models) is computed
         * over several steps: the request is then `Computing` (see [`Self::extend_request`]).
         */
        request_unlearning: TxDescriptor<Anonymize<I4qn8j808r96li>>;
        /**
         * Withdraws request `id`: only its requester, and only while no redaction advanced
         * it (pending or waiting). Releases its locks (to the requests waiting for them),
         * its owners' submissions and its deposit.
         */
        cancel_request: TxDescriptor<Anonymize<I4ov6e94l79mbg>>;
        /**
         * Submits the new version of affected model `tx` for request `id`: `Replace(cid)`
         * (the unlearned model, already in the live store) or, parallel and inherited
         * only, `Unchanged`. Signed by the model's **owner**; in the parallel paradigm,
         * once [`UpdateWindow`] has passed and every start model has its update, anyone may
         * submit an inherited model's public-data update instead (flagged `fallback`).
         * Sequential: only after every affected parent's update was applied. One update
         * per model and request.
         */
        submit_update: TxDescriptor<Anonymize<I2opijl8e1qimt>>;
        /**
         * A **sample-level** request: asks that the `start` models (all owned by the
         * signer) and every model that inherited from them forget specific training
         * samples of the requester, committed to by `withdrawn` (a Merkle root and the
         * number of samples; the samples stay private). Otherwise exactly
         * `request_unlearning`: the same affected set, locks, deposit, paradigms, owners'
         * submissions and committee redactions; its `classes` are empty and the
         * commitment is stored in [`SampleWithdrawals`].
         */
        request_sample_unlearning: TxDescriptor<Anonymize<Ia9ohir42h0hf9>>;
        /**
         * Runs the next step of the affected-set search of `Computing` request `id`
         * (any signer; the requester's archive fee is held for the models found): finds
         * at most [`Config::MaxFilingStep`] more models, locks the free ones, takes over
         * those a later queued request holds, and waits for the others. When the set is
         * complete the request becomes `Pending` (it holds every model) or `Waiting`; if
         * it outgrows `MaxAffected` it is closed (`AffectedSetTooLarge`).
         */
        extend_request: TxDescriptor<Anonymize<I4ov6e94l79mbg>>;
    };
};
type IEvent = {
    System: {
        /**
         * An extrinsic completed successfully.
         */
        ExtrinsicSuccess: PlainDescriptor<Anonymize<Ia82mnkmeo2rhc>>;
        /**
         * An extrinsic failed.
         */
        ExtrinsicFailed: PlainDescriptor<Anonymize<I8lgqqoalsg0hh>>;
        /**
         * `:code` was updated to the code with the given hash.
         */
        CodeUpdated: PlainDescriptor<Anonymize<I1jm8m1rh9e20v>>;
        /**
         * A new account was created.
         */
        NewAccount: PlainDescriptor<Anonymize<Icbccs0ug47ilf>>;
        /**
         * An account was reaped.
         */
        KilledAccount: PlainDescriptor<Anonymize<Icbccs0ug47ilf>>;
        /**
         * On on-chain remark happened.
         */
        Remarked: PlainDescriptor<Anonymize<I855j4i3kr8ko1>>;
        /**
         * An upgrade was authorized.
         */
        UpgradeAuthorized: PlainDescriptor<Anonymize<Ibgl04rn6nbfm6>>;
        /**
         * An invalid authorized upgrade was rejected while trying to apply it.
         */
        RejectedInvalidAuthorizedUpgrade: PlainDescriptor<Anonymize<I47csbs25lbpk7>>;
    };
    Grandpa: {
        /**
         * New authority set has been applied.
         */
        NewAuthorities: PlainDescriptor<Anonymize<I5768ac424h061>>;
        /**
         * Current authority set has been paused.
         */
        Paused: PlainDescriptor<undefined>;
        /**
         * Current authority set has been resumed.
         */
        Resumed: PlainDescriptor<undefined>;
    };
    Balances: {
        /**
         * An account was created with some free balance.
         */
        Endowed: PlainDescriptor<Anonymize<Icv68aq8841478>>;
        /**
         * An account was removed whose balance was non-zero but below ExistentialDeposit,
         * resulting in an outright loss.
         */
        DustLost: PlainDescriptor<Anonymize<Ic262ibdoec56a>>;
        /**
         * Transfer succeeded.
         */
        Transfer: PlainDescriptor<Anonymize<Iflcfm9b6nlmdd>>;
        /**
         * A balance was set by root.
         */
        BalanceSet: PlainDescriptor<Anonymize<Ijrsf4mnp3eka>>;
        /**
         * Some balance was reserved (moved from free to reserved).
         */
        Reserved: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * Some balance was unreserved (moved from reserved to free).
         */
        Unreserved: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * Some balance was moved from the reserve of the first account to the second account.
         * Final argument indicates the destination balance type.
         */
        ReserveRepatriated: PlainDescriptor<Anonymize<I8tjvj9uq4b7hi>>;
        /**
         * Some amount was deposited (e.g. for transaction fees).
         */
        Deposit: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * Some amount was withdrawn from the account (e.g. for transaction fees).
         */
        Withdraw: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * Some amount was removed from the account (e.g. for misbehavior).
         */
        Slashed: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * Some amount was minted into an account.
         */
        Minted: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * Some credit was balanced and added to the TotalIssuance.
         */
        MintedCredit: PlainDescriptor<Anonymize<I3qt1hgg4djhgb>>;
        /**
         * Some amount was burned from an account.
         */
        Burned: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * Some debt has been dropped from the Total Issuance.
         */
        BurnedDebt: PlainDescriptor<Anonymize<I3qt1hgg4djhgb>>;
        /**
         * Some amount was suspended from an account (it can be restored later).
         */
        Suspended: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * Some amount was restored into an account.
         */
        Restored: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * An account was upgraded.
         */
        Upgraded: PlainDescriptor<Anonymize<I4cbvqmqadhrea>>;
        /**
         * Total issuance was increased by `amount`, creating a credit to be balanced.
         */
        Issued: PlainDescriptor<Anonymize<I3qt1hgg4djhgb>>;
        /**
         * Total issuance was decreased by `amount`, creating a debt to be balanced.
         */
        Rescinded: PlainDescriptor<Anonymize<I3qt1hgg4djhgb>>;
        /**
         * Some balance was locked.
         */
        Locked: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * Some balance was unlocked.
         */
        Unlocked: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * Some balance was frozen.
         */
        Frozen: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * Some balance was thawed.
         */
        Thawed: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * The `TotalIssuance` was forcefully changed.
         */
        TotalIssuanceForced: PlainDescriptor<Anonymize<I4fooe9dun9o0t>>;
        /**
         * Some balance was placed on hold.
         */
        Held: PlainDescriptor<Anonymize<Icod2g7vjgpmav>>;
        /**
         * Held balance was burned from an account.
         */
        BurnedHeld: PlainDescriptor<Anonymize<Icod2g7vjgpmav>>;
        /**
         * A transfer of `amount` on hold from `source` to `dest` was initiated.
         */
        TransferOnHold: PlainDescriptor<Anonymize<I10u3uais9uu0g>>;
        /**
         * The `transferred` balance is placed on hold at the `dest` account.
         */
        TransferAndHold: PlainDescriptor<Anonymize<I2316r102lt9dr>>;
        /**
         * Some balance was released from hold.
         */
        Released: PlainDescriptor<Anonymize<Icod2g7vjgpmav>>;
        /**
         * An unexpected/defensive event was triggered.
         */
        Unexpected: PlainDescriptor<Anonymize<Iph9c4rn81ub2>>;
    };
    TransactionPayment: {
        /**
         * A transaction fee `actual_fee`, of which `tip` was added to the minimum inclusion fee,
         * has been paid by `who`.
         */
        TransactionFeePaid: PlainDescriptor<Anonymize<Ier2cke86dqbr2>>;
    };
    Committee: {
        /**
         * A motion (given hash) has been proposed (by given account) with a threshold (given
         * `MemberCount`).
         */
        Proposed: PlainDescriptor<Anonymize<Ift6f10887nk72>>;
        /**
         * A motion (given hash) has been voted on by given account, leaving
         * a tally (yes votes and no votes given respectively as `MemberCount`).
         */
        Voted: PlainDescriptor<Anonymize<I7qc53b1tvqjg2>>;
        /**
         * A motion was approved by the required threshold.
         */
        Approved: PlainDescriptor<Anonymize<I2ev73t79f46tb>>;
        /**
         * A motion was not approved by the required threshold.
         */
        Disapproved: PlainDescriptor<Anonymize<I2ev73t79f46tb>>;
        /**
         * A motion was executed; result will be `Ok` if it returned without error.
         */
        Executed: PlainDescriptor<Anonymize<Ieaoiqm0b5hlai>>;
        /**
         * A single member did some action; result will be `Ok` if it returned without error.
         */
        MemberExecuted: PlainDescriptor<Anonymize<Ieaoiqm0b5hlai>>;
        /**
         * A proposal was closed because its threshold was reached or after its duration was up.
         */
        Closed: PlainDescriptor<Anonymize<Iak7fhrgb9jnnq>>;
        /**
         * A proposal was killed.
         */
        Killed: PlainDescriptor<Anonymize<I2ev73t79f46tb>>;
        /**
         * Some cost for storing a proposal was burned.
         */
        ProposalCostBurned: PlainDescriptor<Anonymize<I9ad1o9mv4cm3>>;
        /**
         * Some cost for storing a proposal was released.
         */
        ProposalCostReleased: PlainDescriptor<Anonymize<I9ad1o9mv4cm3>>;
    };
    CommitteeMembership: {
        /**
         * The given member was added; see the transaction for who.
         */
        MemberAdded: PlainDescriptor<undefined>;
        /**
         * The given member was removed; see the transaction for who.
         */
        MemberRemoved: PlainDescriptor<undefined>;
        /**
         * Two members were swapped; see the transaction for who.
         */
        MembersSwapped: PlainDescriptor<undefined>;
        /**
         * The membership was reset; see the transaction for who the new set is.
         */
        MembersReset: PlainDescriptor<undefined>;
        /**
         * One of the members' keys changed.
         */
        KeyChanged: PlainDescriptor<undefined>;
        /**
         * Phantom member, never used.
         */
        Dummy: PlainDescriptor<undefined>;
    };
    Threshold: {
        /**
         * A DKG run started.
         */
        DkgStarted: PlainDescriptor<Anonymize<Icmfefj421dqem>>;
        /**
         * A DKG run moved to its next phase.
         */
        DkgPhaseChanged: PlainDescriptor<Anonymize<I5g3pngu611laa>>;
        /**
         * A justified complaint: the dealer's share did not match its commitment.
         */
        DealerDisqualified: PlainDescriptor<Anonymize<Itv1ia1dl52rq>>;
        /**
         * A complaint about a share that was in fact correct.
         */
        FalseComplaint: PlainDescriptor<Anonymize<I2meopcs116bgt>>;
        /**
         * A DKG run produced the committee key, now the live chain's chameleon-hash key (a
         * resharing: the same key, held by the new committee).
         */
        KeyGenerated: PlainDescriptor<Anonymize<I9e5renqeevhoo>>;
        /**
         * Members that did not confirm their share before the key was installed: they may
         * hold no usable share (the key's margin is `confirmed − t` members).
         */
        Unconfirmed: PlainDescriptor<Anonymize<Iah8gotbc8k206>>;
        /**
         * A DKG run ended without a key (too few qualified dealers or confirmations, or the
         * live chain refused the key); a new run starts if a committee exists.
         */
        DkgFailed: PlainDescriptor<Anonymize<Iefeuvfeiehd8e>>;
        /**
         * The committee changed but its key cannot be re-shared to it (too few staying
         * members of the old key, or a size outside `1..=MaxMembers`): the key stays; its
         * holders still in the committee keep signing, which needs `t` of them (members
         * who left never sign), so redactions may wait until the committee is fixed.
         */
        ResharingRefused: PlainDescriptor<Anonymize<I8f77s90m09veo>>;
        /**
         * A redaction was proposed.
         */
        RedactionProposed: PlainDescriptor<Anonymize<Ijkmciu2aeft>>;
        /**
         * A queued proposal moved to the key of a new committee (after a resharing).
         */
        ProposalMoved: PlainDescriptor<Anonymize<I5aes8jp4sil1c>>;
        /**
         * Round 1 closed: the signers of this attempt are fixed.
         */
        SignersChosen: PlainDescriptor<Anonymize<Ib0039lp6lgt92>>;
        /**
         * A member's partial share did not verify against its `Y_i`.
         */
        InvalidPartialShare: PlainDescriptor<Anonymize<Ic7ra1r7sm2bkv>>;
        /**
         * A signing attempt restarted (timeout or cheater).
         */
        SigningRestarted: PlainDescriptor<Anonymize<I8to0ae0golij0>>;
        /**
         * One chunk of a proposal approved in several was aggregated and applied; the next
         * chunk's signing starts (its first attempt is `attempt`).
         */
        ChunkApplied: PlainDescriptor<Anonymize<I8lu8i8fbbf50g>>;
        /**
         * The committee's collisions were aggregated and the redaction applied (for a
         * proposal in several chunks: its last chunk, so all of it).
         */
        RedactionApplied: PlainDescriptor<Anonymize<If6od6usoiau1p>>;
        /**
         * A proposal was dropped: its request is no longer open, the redaction failed, or
         * the committee rejected it.
         */
        ProposalDropped: PlainDescriptor<Anonymize<I576ck46ikjigv>>;
    };
    Archive: {
        /**
         * A model version was appended to the archive.
         */
        RecordAppended: PlainDescriptor<Anonymize<I55io2408av2e1>>;
    };
    LiveChain: {
        /**
         * A model was published.
         */
        ModelPublished: PlainDescriptor<Anonymize<Idpb498h6c6d92>>;
        /**
         * The models of this block were sealed into a live block.
         */
        LiveBlockSealed: PlainDescriptor<Anonymize<I1qfg5eiisvo81>>;
        /**
         * A model's URI was replaced by a redaction.
         */
        ModelRedacted: PlainDescriptor<Anonymize<Iesrip973sqeht>>;
        /**
         * A live-block header got a new version because a transaction of it was redacted.
         */
        LiveBlockRedacted: PlainDescriptor<Anonymize<I3q0i597sar7v4>>;
        /**
         * A redaction was applied.
         */
        Redacted: PlainDescriptor<Anonymize<I75n96gjh63fs1>>;
        /**
         * A chameleon-hash public key was installed (the committee's DKG group key).
         */
        PublicKeyInstalled: PlainDescriptor<Anonymize<I7hu7hl7r35nrm>>;
    };
    Unlearning: {
        /**
         * An unlearning request was stored.
         */
        UnlearningRequested: PlainDescriptor<Anonymize<Iafiam56pnd2j6>>;
        /**
         * A step of a large request's affected-set search: `affected` models found so far;
         * while not `complete`, the next step is `extend_request(id)`.
         */
        AffectedSetExtended: PlainDescriptor<Anonymize<I5dr54fjj8trt2>>;
        /**
         * The affected set of a computing request outgrew `MaxAffected`: the request is
         * closed (`Cancelled`), its locks and deposit released.
         */
        AffectedSetTooLarge: PlainDescriptor<Anonymize<I4lceh83ad8670>>;
        /**
         * A sample-level request committed to the samples it withdraws (filed with the
         * `UnlearningRequested` event of the same id).
         */
        SamplesCommitted: PlainDescriptor<Anonymize<Ifse9r61jik93c>>;
        /**
         * A waiting request now holds every affected model: owners may submit updates.
         */
        RequestActivated: PlainDescriptor<Anonymize<I4ov6e94l79mbg>>;
        /**
         * An update of an affected model was submitted.
         */
        UpdateSubmitted: PlainDescriptor<Anonymize<I80adgjhq267lu>>;
        /**
         * Parallel: every affected model has its update; the redaction can be proposed.
         */
        UpdatesComplete: PlainDescriptor<Anonymize<I4ov6e94l79mbg>>;
        /**
         * A committee redaction advanced a request.
         */
        RequestAdvanced: PlainDescriptor<Anonymize<I7uuo0ij7vr12a>>;
        /**
         * A closing request paid the archive fee of the models it updated (burned).
         */
        ArchiveFeePaid: PlainDescriptor<Anonymize<Iarnccmin6is0v>>;
        /**
         * A request is complete.
         */
        RequestCompleted: PlainDescriptor<Anonymize<I22kdcajb9lkv0>>;
        /**
         * The requester cancelled a pending request; locks and deposit are released.
         */
        RequestCancelled: PlainDescriptor<Anonymize<I4ov6e94l79mbg>>;
        /**
         * An open request reached its expiry block; locks and deposit are released.
         */
        RequestExpired: PlainDescriptor<Anonymize<Icevvnkve2cmcd>>;
    };
};
type IError = {
    System: {
        /**
         * The name of specification does not match between the current runtime
         * and the new runtime.
         */
        InvalidSpecName: PlainDescriptor<undefined>;
        /**
         * The specification version is not allowed to decrease between the current runtime
         * and the new runtime.
         */
        SpecVersionNeedsToIncrease: PlainDescriptor<undefined>;
        /**
         * Failed to extract the runtime version from the new runtime.
         *
         * Either calling `Core_version` or decoding `RuntimeVersion` failed.
         */
        FailedToExtractRuntimeVersion: PlainDescriptor<undefined>;
        /**
         * Suicide called when the account has non-default composite data.
         */
        NonDefaultComposite: PlainDescriptor<undefined>;
        /**
         * There is a non-zero reference count preventing the account from being purged.
         */
        NonZeroRefCount: PlainDescriptor<undefined>;
        /**
         * The origin filter prevent the call to be dispatched.
         */
        CallFiltered: PlainDescriptor<undefined>;
        /**
         * A multi-block migration is ongoing and prevents the current code from being replaced.
         */
        MultiBlockMigrationsOngoing: PlainDescriptor<undefined>;
        /**
         * No upgrade authorized.
         */
        NothingAuthorized: PlainDescriptor<undefined>;
        /**
         * The submitted code is not authorized.
         */
        Unauthorized: PlainDescriptor<undefined>;
    };
    Grandpa: {
        /**
         * Attempt to signal GRANDPA pause when the authority set isn't live
         * (either paused or already pending pause).
         */
        PauseFailed: PlainDescriptor<undefined>;
        /**
         * Attempt to signal GRANDPA resume when the authority set isn't paused
         * (either live or already pending resume).
         */
        ResumeFailed: PlainDescriptor<undefined>;
        /**
         * Attempt to signal GRANDPA change with one already pending.
         */
        ChangePending: PlainDescriptor<undefined>;
        /**
         * Cannot signal forced change so soon after last.
         */
        TooSoon: PlainDescriptor<undefined>;
        /**
         * A key ownership proof provided as part of an equivocation report is invalid.
         */
        InvalidKeyOwnershipProof: PlainDescriptor<undefined>;
        /**
         * An equivocation proof provided as part of an equivocation report is invalid.
         */
        InvalidEquivocationProof: PlainDescriptor<undefined>;
        /**
         * A given equivocation report is valid but already previously reported.
         */
        DuplicateOffenceReport: PlainDescriptor<undefined>;
    };
    Balances: {
        /**
         * Vesting balance too high to send value.
         */
        VestingBalance: PlainDescriptor<undefined>;
        /**
         * Account liquidity restrictions prevent withdrawal.
         */
        LiquidityRestrictions: PlainDescriptor<undefined>;
        /**
         * Balance too low to send value.
         */
        InsufficientBalance: PlainDescriptor<undefined>;
        /**
         * Value too low to create account due to existential deposit.
         */
        ExistentialDeposit: PlainDescriptor<undefined>;
        /**
         * Transfer/payment would kill account.
         */
        Expendability: PlainDescriptor<undefined>;
        /**
         * A vesting schedule already exists for this account.
         */
        ExistingVestingSchedule: PlainDescriptor<undefined>;
        /**
         * Beneficiary account must pre-exist.
         */
        DeadAccount: PlainDescriptor<undefined>;
        /**
         * Number of named reserves exceed `MaxReserves`.
         */
        TooManyReserves: PlainDescriptor<undefined>;
        /**
         * Number of holds exceed `VariantCountOf<T::RuntimeHoldReason>`.
         */
        TooManyHolds: PlainDescriptor<undefined>;
        /**
         * Number of freezes exceed `MaxFreezes`.
         */
        TooManyFreezes: PlainDescriptor<undefined>;
        /**
         * The issuance cannot be modified since it is already deactivated.
         */
        IssuanceDeactivated: PlainDescriptor<undefined>;
        /**
         * The delta cannot be zero.
         */
        DeltaZero: PlainDescriptor<undefined>;
    };
    Committee: {
        /**
         * Account is not a member
         */
        NotMember: PlainDescriptor<undefined>;
        /**
         * Duplicate proposals not allowed
         */
        DuplicateProposal: PlainDescriptor<undefined>;
        /**
         * Proposal must exist
         */
        ProposalMissing: PlainDescriptor<undefined>;
        /**
         * Mismatched index
         */
        WrongIndex: PlainDescriptor<undefined>;
        /**
         * Duplicate vote ignored
         */
        DuplicateVote: PlainDescriptor<undefined>;
        /**
         * Members are already initialized!
         */
        AlreadyInitialized: PlainDescriptor<undefined>;
        /**
         * The close call was made too early, before the end of the voting.
         */
        TooEarly: PlainDescriptor<undefined>;
        /**
         * There can only be a maximum of `MaxProposals` active proposals.
         */
        TooManyProposals: PlainDescriptor<undefined>;
        /**
         * The given weight bound for the proposal was too low.
         */
        WrongProposalWeight: PlainDescriptor<undefined>;
        /**
         * The given length bound for the proposal was too low.
         */
        WrongProposalLength: PlainDescriptor<undefined>;
        /**
         * Prime account is not a member
         */
        PrimeAccountNotMember: PlainDescriptor<undefined>;
        /**
         * Proposal is still active.
         */
        ProposalActive: PlainDescriptor<undefined>;
    };
    CommitteeMembership: {
        /**
         * Already a member.
         */
        AlreadyMember: PlainDescriptor<undefined>;
        /**
         * Not a member.
         */
        NotMember: PlainDescriptor<undefined>;
        /**
         * Too many members.
         */
        TooManyMembers: PlainDescriptor<undefined>;
    };
    Threshold: {
        /**
         * The signer of a message is not a member of the run or key it refers to.
         */
        NotMember: PlainDescriptor<undefined>;
        /**
         * No DKG run with this epoch is in progress.
         */
        WrongEpoch: PlainDescriptor<undefined>;
        /**
         * The message does not belong to the current phase or round.
         */
        WrongPhase: PlainDescriptor<undefined>;
        /**
         * This member already posted this message.
         */
        AlreadySubmitted: PlainDescriptor<undefined>;
        /**
         * The DKG commitment is malformed, its proof of knowledge fails or its `bkfe` key
         * is not a key.
         */
        InvalidCommitment: PlainDescriptor<undefined>;
        /**
         * The encrypted shares are not exactly one per other committed member, ascending.
         */
        WrongShares: PlainDescriptor<undefined>;
        /**
         * The complaint names a dealer without shares, or oneself.
         */
        UnknownDealer: PlainDescriptor<undefined>;
        /**
         * The complaint's revealed channel key has no valid proof.
         */
        InvalidComplaint: PlainDescriptor<undefined>;
        /**
         * The dealer is already disqualified.
         */
        AlreadyDisqualified: PlainDescriptor<undefined>;
        /**
         * The key confirmation is for another pending key (a complaint changed it since).
         */
        StaleKey: PlainDescriptor<undefined>;
        /**
         * The key confirmation's proof does not verify against the member's `Y_j`.
         */
        InvalidConfirmation: PlainDescriptor<undefined>;
        /**
         * The proposal is not the one being signed (or does not exist).
         */
        NotActiveProposal: PlainDescriptor<undefined>;
        /**
         * The message is for another signing attempt.
         */
        WrongAttempt: PlainDescriptor<undefined>;
        /**
         * The shares were computed for other signing packages (another fork's signer set).
         */
        StalePackage: PlainDescriptor<undefined>;
        /**
         * The member is excluded from this attempt.
         */
        Excluded: PlainDescriptor<undefined>;
        /**
         * The member is not a signer of this attempt.
         */
        NotSigner: PlainDescriptor<undefined>;
        /**
         * The member left the committee: its old key share no longer signs.
         */
        NotInCommittee: PlainDescriptor<undefined>;
        /**
         * One commitment or share per collision is needed.
         */
        WrongItemCount: PlainDescriptor<undefined>;
        /**
         * A round-1 nonce commitment is not a valid non-identity point.
         */
        InvalidNonceCommitment: PlainDescriptor<undefined>;
        /**
         * The signature does not verify.
         */
        BadSignature: PlainDescriptor<undefined>;
        /**
         * A DKG run is already in progress.
         */
        DkgInProgress: PlainDescriptor<undefined>;
        /**
         * A resharing needs at least the old key's threshold of its members in the new
         * committee.
         */
        NotEnoughDealers: PlainDescriptor<undefined>;
        /**
         * Only dealers post shares (in a resharing, a new member only receives).
         */
        NotDealer: PlainDescriptor<undefined>;
        /**
         * The committee is empty or larger than `MaxMembers`.
         */
        BadCommittee: PlainDescriptor<undefined>;
        /**
         * Models are already bound to the live chain's key; a new key cannot replace it.
         */
        KeyInUse: PlainDescriptor<undefined>;
        /**
         * No committee key is active, or the live chain uses another key.
         */
        NoCommitteeKey: PlainDescriptor<undefined>;
        /**
         * The request already has a proposal waiting.
         */
        AlreadyProposed: PlainDescriptor<undefined>;
        /**
         * The queue is full.
         */
        QueueFull: PlainDescriptor<undefined>;
        /**
         * The requester already has `MaxQueuedPerRequester` proposals queued.
         */
        TooManyQueued: PlainDescriptor<undefined>;
        /**
         * The proposal replaces no model.
         */
        NoUpdates: PlainDescriptor<undefined>;
        /**
         * A model is not on the live chain.
         */
        UnknownTx: PlainDescriptor<undefined>;
        /**
         * The request is unknown.
         */
        UnknownRequest: PlainDescriptor<undefined>;
        /**
         * No such proposal is queued.
         */
        UnknownProposal: PlainDescriptor<undefined>;
        /**
         * The committee rejected the proposal (`reject_proposal`).
         */
        Rejected: PlainDescriptor<undefined>;
        /**
         * A resharing installed a key whose threshold cannot sign the proposal's chunks
         * within one block ([`costs::chunk_len`]): the proposal is dropped, and its
         * requester proposes the rest again, cut for the new key.
         */
        ChunkTooLargeForKey: PlainDescriptor<undefined>;
    };
    Archive: {
        /**
         * The sequence number or a lineage counter would overflow.
         */
        ArchiveFull: PlainDescriptor<undefined>;
        /**
         * The appended version is not the next version of the transaction (the `n`-th
         * record of a transaction must be its version `n`).
         */
        VersionOutOfOrder: PlainDescriptor<undefined>;
    };
    LiveChain: {
        /**
         * The URI is empty.
         */
        EmptyUri: PlainDescriptor<undefined>;
        /**
         * The URI is not a model CID: the canonical base32 string of an IPFS CIDv1 with codec
         * `raw` or `dag-pb` and a sha2-256 multihash (`bafkrei…` / `bafybei…`, 59 characters),
         * the CID `ipfs add --cid-version 1` gives the model's bytes.
         */
        MalformedUri: PlainDescriptor<undefined>;
        /**
         * The same transaction is referenced twice.
         */
        DuplicateRef: PlainDescriptor<undefined>;
        /**
         * A reference names no existing transaction.
         */
        UnknownRef: PlainDescriptor<undefined>;
        /**
         * No chameleon-hash public key is configured.
         */
        NoPublicKey: PlainDescriptor<undefined>;
        /**
         * The configured chameleon-hash public key is invalid.
         */
        InvalidPublicKey: PlainDescriptor<undefined>;
        /**
         * The randomness point `R` is not a valid ristretto255 encoding.
         */
        InvalidRandomnessPoint: PlainDescriptor<undefined>;
        /**
         * The randomness scalar `s` is not canonically encoded.
         */
        NonCanonicalScalar: PlainDescriptor<undefined>;
        /**
         * The check value is not a valid ristretto255 encoding.
         */
        InvalidCheck: PlainDescriptor<undefined>;
        /**
         * The randomness does not open the check value to SCALE `(uri, refs)`.
         */
        ChMismatch: PlainDescriptor<undefined>;
        /**
         * The pending live block holds `MaxTxsPerBlock` models. (`publish_model` does not
         * return it: it seals a full live block and starts the next.)
         */
        LiveBlockFull: PlainDescriptor<undefined>;
        /**
         * A counter (transaction id, height or version) would overflow.
         */
        Overflow: PlainDescriptor<undefined>;
        /**
         * A redaction without any model update.
         */
        NoUpdates: PlainDescriptor<undefined>;
        /**
         * More than `MaxUpdates` updates.
         */
        TooManyUpdates: PlainDescriptor<undefined>;
        /**
         * The same transaction is updated twice in one redaction.
         */
        DuplicateUpdate: PlainDescriptor<undefined>;
        /**
         * An update names no existing transaction.
         */
        UnknownTx: PlainDescriptor<undefined>;
        /**
         * The collision of the model update at `index` does not verify.
         */
        TxCollisionInvalid: PlainDescriptor<Anonymize<I666bl2fqjkejo>>;
        /**
         * The collision of the header update at `index` does not verify.
         */
        HeaderCollisionInvalid: PlainDescriptor<Anonymize<I666bl2fqjkejo>>;
        /**
         * A live block with a redacted transaction has no header update.
         */
        MissingHeaderUpdate: PlainDescriptor<undefined>;
        /**
         * The header update at `index` is for a live block no update touches.
         */
        UntouchedHeaderUpdate: PlainDescriptor<Anonymize<I666bl2fqjkejo>>;
        /**
         * Two header updates for the same live block.
         */
        DuplicateHeaderUpdate: PlainDescriptor<undefined>;
        /**
         * A header update names no existing live block.
         */
        UnknownBlock: PlainDescriptor<undefined>;
        /**
         * A reference names a model that an open unlearning request is unlearning; it can
         * be inherited from once the request completes, is cancelled or expires.
         */
        RefLocked: PlainDescriptor<undefined>;
        /**
         * The publisher cannot cover the model deposit.
         */
        InsufficientDeposit: PlainDescriptor<undefined>;
        /**
         * Models are bound to the current chameleon-hash key; it cannot be replaced.
         */
        KeyInUse: PlainDescriptor<undefined>;
    };
    Unlearning: {
        /**
         * No start model given.
         */
        EmptyStart: PlainDescriptor<undefined>;
        /**
         * More start models than `MaxStarts`.
         */
        TooManyStarts: PlainDescriptor<undefined>;
        /**
         * A start model is listed twice.
         */
        DuplicateStart: PlainDescriptor<undefined>;
        /**
         * A start model names no transaction.
         */
        UnknownTx: PlainDescriptor<undefined>;
        /**
         * The signer does not own every start model.
         */
        NotOwner: PlainDescriptor<undefined>;
        /**
         * No class to forget given.
         */
        EmptyClasses: PlainDescriptor<undefined>;
        /**
         * More classes than `MaxClasses`.
         */
        TooManyClasses: PlainDescriptor<undefined>;
        /**
         * A class is listed twice.
         */
        DuplicateClass: PlainDescriptor<undefined>;
        /**
         * Start models plus descendants exceed `MaxAffected`.
         */
        TooManyAffected: PlainDescriptor<undefined>;
        /**
         * A counter would overflow.
         */
        Overflow: PlainDescriptor<undefined>;
        /**
         * The redaction names no existing request.
         */
        UnknownRequest: PlainDescriptor<undefined>;
        /**
         * The request is already completed.
         */
        RequestCompleted: PlainDescriptor<undefined>;
        /**
         * The request was cancelled or has expired.
         */
        RequestClosed: PlainDescriptor<undefined>;
        /**
         * An affected model is locked by another open request.
         */
        AffectedModelLocked: PlainDescriptor<undefined>;
        /**
         * The requester cannot cover the request deposit.
         */
        InsufficientDeposit: PlainDescriptor<undefined>;
        /**
         * Only the requester may cancel a request.
         */
        NotRequester: PlainDescriptor<undefined>;
        /**
         * Only a request no redaction has advanced yet can be cancelled.
         */
        RequestNotPending: PlainDescriptor<undefined>;
        /**
         * Too many requests were filed in this block already (`MaxRequestsPerBlock`).
         */
        TooManyRequestsThisBlock: PlainDescriptor<undefined>;
        /**
         * A redaction updates a model outside the request's affected set.
         */
        UpdateOutsideAffected: PlainDescriptor<undefined>;
        /**
         * A sequential redaction must update exactly one model.
         */
        SequentialStepNotSingle: PlainDescriptor<undefined>;
        /**
         * A sequential redaction updates a model already updated for this request.
         */
        AlreadyUpdated: PlainDescriptor<undefined>;
        /**
         * A sequential redaction (or update) comes before all its affected parents'.
         */
        SequentialOutOfOrder: PlainDescriptor<undefined>;
        /**
         * The request waits behind an overlapping open request.
         */
        RequestWaiting: PlainDescriptor<undefined>;
        /**
         * Too many requests are waiting behind overlapping ones (`MaxWaiting`).
         */
        TooManyWaiting: PlainDescriptor<undefined>;
        /**
         * This model already has an update for this request.
         */
        AlreadySubmitted: PlainDescriptor<undefined>;
        /**
         * Only the model's owner may submit its update (no fallback applies).
         */
        NotModelOwner: PlainDescriptor<undefined>;
        /**
         * The owners' window has not passed yet: no fallback update before `fallback_from`.
         */
        FallbackTooEarly: PlainDescriptor<undefined>;
        /**
         * A fallback update needs every start model's update first (eqs. 7-8 use them).
         */
        FallbackBeforeStarts: PlainDescriptor<undefined>;
        /**
         * A fallback update must give the model's new version, not `Unchanged`.
         */
        FallbackUnchanged: PlainDescriptor<undefined>;
        /**
         * `Unchanged` is allowed only for inherited models in the parallel paradigm.
         */
        MustChange: PlainDescriptor<undefined>;
        /**
         * Parallel: an affected model has no update yet.
         */
        UpdateMissing: PlainDescriptor<undefined>;
        /**
         * The redaction names a model whose owner submitted no new version.
         */
        UpdateNotSubmitted: PlainDescriptor<undefined>;
        /**
         * The redaction's URI for a model is not the one its owner submitted.
         */
        UriMismatch: PlainDescriptor<undefined>;
        /**
         * No submitted update is ready to be proposed.
         */
        NothingToPropose: PlainDescriptor<undefined>;
        /**
         * A sample-level request must commit to at least one sample, with a non-zero root.
         */
        EmptyWithdrawal: PlainDescriptor<undefined>;
        /**
         * The request's affected set is complete: only a `Computing` request is extended.
         */
        NotComputing: PlainDescriptor<undefined>;
        /**
         * The request's affected set is still being computed (`extend_request`).
         */
        RequestComputing: PlainDescriptor<undefined>;
    };
};
type IConstants = {
    System: {
        /**
         * Block & extrinsics weights: base values and limits.
         */
        BlockWeights: PlainDescriptor<Anonymize<In7a38730s6qs>>;
        /**
         * The maximum length of a block (in bytes).
         */
        BlockLength: PlainDescriptor<Anonymize<Ibtil0ss5munbk>>;
        /**
         * Maximum number of block number to block hash mappings to keep (oldest pruned first).
         */
        BlockHashCount: PlainDescriptor<number>;
        /**
         * The weight of runtime database operations the runtime can invoke.
         */
        DbWeight: PlainDescriptor<Anonymize<I9s0ave7t0vnrk>>;
        /**
         * Get the chain's in-code version.
         */
        Version: PlainDescriptor<Anonymize<I4fo08joqmcqnm>>;
        /**
         * The designated SS58 prefix of this chain.
         *
         * This replaces the "ss58Format" property declared in the chain spec. Reason is
         * that the runtime should know about the prefix in order to make use of it as
         * an identifier of the chain.
         */
        SS58Prefix: PlainDescriptor<number>;
    };
    Timestamp: {
        /**
         * The minimum period between blocks.
         *
         * Be aware that this is different to the *expected* period that the block production
         * apparatus provides. Your chosen consensus system will generally work with this to
         * determine a sensible block time. For example, in the Aura pallet it will be double this
         * period on default settings.
         */
        MinimumPeriod: PlainDescriptor<bigint>;
    };
    Aura: {
        /**
         * The slot duration Aura should run with, expressed in milliseconds.
         *
         * The effective value of this type can be changed with a runtime upgrade.
         *
         * For backwards compatibility either use [`MinimumPeriodTimesTwo`] or a const.
         */
        SlotDuration: PlainDescriptor<bigint>;
    };
    Grandpa: {
        /**
         * Max Authorities in use
         */
        MaxAuthorities: PlainDescriptor<number>;
        /**
         * The maximum number of nominators for each validator.
         */
        MaxNominators: PlainDescriptor<number>;
        /**
         * The maximum number of entries to keep in the set id to session index mapping.
         *
         * Since the `SetIdSession` map is only used for validating equivocations this
         * value should relate to the bonding duration of whatever staking system is
         * being used (if any). If equivocation handling is not enabled then this value
         * can be zero.
         */
        MaxSetIdSessionEntries: PlainDescriptor<bigint>;
    };
    Balances: {
        /**
         * The minimum amount required to keep an account open. MUST BE GREATER THAN ZERO!
         *
         * If you *really* need it to be zero, you can enable the feature `insecure_zero_ed` for
         * this pallet. However, you do so at your own risk: this will open up a major DoS vector.
         * In case you have multiple sources of provider references, you may also get unexpected
         * behaviour if you set this to zero.
         *
         * Bottom line: Do yourself a favour and make it at least one!
         */
        ExistentialDeposit: PlainDescriptor<bigint>;
        /**
         * The maximum number of locks that should exist on an account.
         * Not strictly enforced, but used for weight estimation.
         *
         * Use of locks is deprecated in favour of freezes. See `https://github.com/paritytech/substrate/pull/12951/`
         */
        MaxLocks: PlainDescriptor<number>;
        /**
         * The maximum number of named reserves that can exist on an account.
         *
         * Use of reserves is deprecated in favour of holds. See `https://github.com/paritytech/substrate/pull/12951/`
         */
        MaxReserves: PlainDescriptor<number>;
        /**
         * The maximum number of individual freeze locks that can exist on an account at any time.
         */
        MaxFreezes: PlainDescriptor<number>;
    };
    TransactionPayment: {
        /**
         * A fee multiplier for `Operational` extrinsics to compute "virtual tip" to boost their
         * `priority`
         *
         * This value is multiplied by the `final_fee` to obtain a "virtual tip" that is later
         * added to a tip component in regular `priority` calculations.
         * It means that a `Normal` transaction can front-run a similarly-sized `Operational`
         * extrinsic (with no tip), by including a tip value greater than the virtual tip.
         *
         * ```rust,ignore
         * // For `Normal`
         * let priority = priority_calc(tip);
         *
         * // For `Operational`
         * let virtual_tip = (inclusion_fee + tip) * OperationalFeeMultiplier;
         * let priority = priority_calc(tip + virtual_tip);
         * ```
         *
         * Note that since we use `final_fee` the multiplier applies also to the regular `tip`
         * sent with the transaction. So, not only does the transaction get a priority bump based
         * on the `inclusion_fee`, but we also amplify the impact of tips applied to `Operational`
         * transactions.
         */
        OperationalFeeMultiplier: PlainDescriptor<number>;
    };
    Committee: {
        /**
         * The maximum weight of a dispatch call that can be proposed and executed.
         */
        MaxProposalWeight: PlainDescriptor<Anonymize<I4q39t5hn830vp>>;
    };
    Threshold: {
        /**
         * Blocks each DKG phase lasts at most. The confirm phase, in which receivers also
         * complain about bad shares, lasts this long too: a node slow for less than a phase
         * still complains before the key is installed.
         */
        DkgPhaseLength: PlainDescriptor<number>;
        /**
         * Blocks a signing round waits for silent members, on top of the blocks its
         * messages need at the normal block weight ([`costs`](crate::costs)); then it
         * restarts without them.
         */
        RoundTimeout: PlainDescriptor<number>;
        /**
         * Largest committee a key is generated for.
         */
        MaxMembers: PlainDescriptor<number>;
        /**
         * Most redaction proposals waiting at once.
         */
        MaxQueued: PlainDescriptor<number>;
        /**
         * Most models in the **last** chunk of a proposal (at most the live chain's
         * `MaxUpdates`, and at most every other chunk): its round-2 message also closes the
         * request — releases up to `MaxAffected` locks and submissions — and is charged
         * for it, so it carries fewer models.
         */
        MaxFinalChunk: PlainDescriptor<number>;
        /**
         * Most models in any chunk of a proposal, whatever its key's threshold (the signing
         * benchmarks' range; at least the live chain's `MaxUpdates`). A proposal is cut into
         * chunks of [`costs::chunk_len`] models for its key's threshold: the most whose
         * completing share, taking the next chunk and closing its round 1 too, fits one
         * normal extrinsic — larger for a small committee's key.
         */
        MaxChunk: PlainDescriptor<number>;
        /**
         * Most queued proposals of requests filed by one account.
         */
        MaxQueuedPerRequester: PlainDescriptor<number>;
        /**
         * Most member messages one block includes; the rest wait in the pool.
         */
        MaxMessagesPerBlock: PlainDescriptor<number>;
        /**
         * Priority of the members' unsigned messages.
         */
        UnsignedPriority: PlainDescriptor<bigint>;
    };
    Archive: {
        /**
         * Longest model URI (CID) in bytes, for the archive and the live chain.
         */
        MaxUriLen: PlainDescriptor<number>;
        /**
         * Most references (parent models) one model may have.
         */
        MaxRefs: PlainDescriptor<number>;
    };
    LiveChain: {
        /**
         * Most models that one block (and so one live block) may hold.
         */
        MaxTxsPerBlock: PlainDescriptor<number>;
        /**
         * Most model updates, and most header updates, in one redaction.
         */
        MaxUpdates: PlainDescriptor<number>;
        /**
         * Deposit held from the publisher of every model, for as long as the model lives.
         */
        ModelDeposit: PlainDescriptor<bigint>;
    };
    Unlearning: {
        /**
         * Most start models in one request.
         */
        MaxStarts: PlainDescriptor<number>;
        /**
         * Most classes to forget in one request.
         */
        MaxClasses: PlainDescriptor<number>;
        /**
         * Most affected models (start models plus descendants) of one request.
         */
        MaxAffected: PlainDescriptor<number>;
        /**
         * Most models one filing step finds (it reads at most this many times `MaxRefs`
         * `Children` edges): a request whose affected set is larger is computed over
         * several steps (`extend_request`), each one bounded extrinsic.
         */
        MaxFilingStep: PlainDescriptor<number>;
        /**
         * Deposit held from the requester while a request is open.
         */
        RequestDeposit: PlainDescriptor<bigint>;
        /**
         * Fee per model a request's redactions archive: held with the deposit (for every
         * affected model) and **burned** when the request closes for every model it
         * updated — the archive keeps each record forever and the committee spent blocks
         * on it, so a loop of requests pays for what it leaves behind.
         */
        ArchiveFee: PlainDescriptor<bigint>;
        /**
         * Blocks after which an open request expires.
         */
        RequestTtl: PlainDescriptor<number>;
        /**
         * Most requests that may expire in one block (so most filed in one block).
         */
        MaxRequestsPerBlock: PlainDescriptor<number>;
        /**
         * Most requests closed by expiry at the start of one block (closing the largest
         * request releases `MaxAffected` locks); the others due then expire at the next
         * block with room, so no block's `on_initialize` outgrows the block.
         */
        MaxExpiriesPerBlock: PlainDescriptor<number>;
        /**
         * Most models whose locks and submissions one block releases for closed requests:
         * a request closing over more releases this many at once and the rest over the
         * next blocks ([`Releasing`]), so closing costs the same whatever the request's size.
         */
        MaxReleasePerBlock: PlainDescriptor<number>;
        /**
         * Most requests waiting behind overlapping open requests at once.
         */
        MaxWaiting: PlainDescriptor<number>;
        /**
         * [`UpdateWindow`] of a chain whose genesis does not set it.
         */
        DefaultUpdateWindow: PlainDescriptor<number>;
    };
};
type IViewFns = {};
type IRuntimeCalls = {
    /**
     * The `Core` runtime api that every Substrate runtime needs to implement.
     */
    Core: {
        /**
         * Returns the version of the runtime.
         */
        version: RuntimeDescriptor<[], Anonymize<I4fo08joqmcqnm>>;
        /**
         * Execute the given block.
         */
        execute_block: RuntimeDescriptor<[block: Anonymize<Iaqet9jc3ihboe>], undefined>;
        /**
         * Initialize a block with the given header and return the runtime executive mode.
         */
        initialize_block: RuntimeDescriptor<[header: Anonymize<Ic952bubvq4k7d>], Anonymize<I2v50gu3s1aqk6>>;
    };
    /**
     * The `Metadata` api trait that returns metadata for the runtime.
     */
    Metadata: {
        /**
         * Returns the metadata of a runtime.
         */
        metadata: RuntimeDescriptor<[], Uint8Array>;
        /**
         * Returns the metadata at a given version.
         *
         * If the given `version` isn't supported, this will return `None`.
         * Use [`Self::metadata_versions`] to find out about supported metadata version of the runtime.
         */
        metadata_at_version: RuntimeDescriptor<[version: number], Anonymize<Iabpgqcjikia83>>;
        /**
         * Returns the supported metadata versions.
         *
         * This can be used to call `metadata_at_version`.
         */
        metadata_versions: RuntimeDescriptor<[], Anonymize<Icgljjb6j82uhn>>;
    };
    /**
     * The `BlockBuilder` api trait that provides the required functionality for building a block.
     */
    BlockBuilder: {
        /**
         * Apply the given extrinsic.
         *
         * Returns an inclusion outcome which specifies if this extrinsic is included in
         * this block or not.
         */
        apply_extrinsic: RuntimeDescriptor<[extrinsic: Uint8Array], Anonymize<Iepp4n6amfu6t5>>;
        /**
         * Finish the current block.
         */
        finalize_block: RuntimeDescriptor<[], Anonymize<Ic952bubvq4k7d>>;
        /**
         * Generate inherent extrinsics. The inherent data will vary from chain to chain.
         */
        inherent_extrinsics: RuntimeDescriptor<[inherent: Anonymize<If7uv525tdvv7a>], Anonymize<Itom7fk49o0c9>>;
        /**
         * Check that the inherents are valid. The inherent data will vary from chain to chain.
         */
        check_inherents: RuntimeDescriptor<[block: Anonymize<Iaqet9jc3ihboe>, data: Anonymize<If7uv525tdvv7a>], Anonymize<I2an1fs2eiebjp>>;
    };
    /**
     * The `TaggedTransactionQueue` api trait for interfering with the transaction queue.
     */
    TaggedTransactionQueue: {
        /**
         * Validate the transaction.
         *
         * This method is invoked by the transaction pool to learn details about given transaction.
         * The implementation should make sure to verify the correctness of the transaction
         * against current state. The given `block_hash` corresponds to the hash of the block
         * that is used as current state.
         *
         * Note that this call may be performed by the pool multiple times and transactions
         * might be verified in any possible order.
         */
        validate_transaction: RuntimeDescriptor<[source: TransactionValidityTransactionSource, tx: Uint8Array, block_hash: SizedHex<32>], Anonymize<I9ask1o4tfvcvs>>;
    };
    /**
     * The offchain worker api.
     */
    OffchainWorkerApi: {
        /**
         * Starts the off-chain task for given block header.
         */
        offchain_worker: RuntimeDescriptor<[header: Anonymize<Ic952bubvq4k7d>], undefined>;
    };
    /**
     * API necessary for block authorship with aura.
     */
    AuraApi: {
        /**
         * Returns the slot duration for Aura.
         *
         * Currently, only the value provided by this type at genesis will be used.
         */
        slot_duration: RuntimeDescriptor<[], bigint>;
        /**
         * Return the current set of authorities.
         */
        authorities: RuntimeDescriptor<[], Anonymize<Ic5m5lp1oioo8r>>;
    };
    /**
     * Session keys runtime api.
     */
    SessionKeys: {
        /**
         * Generate a set of session keys with optionally using the given seed.
         * The keys should be stored within the keystore exposed via runtime
         * externalities.
         *
         * The seed needs to be a valid `utf8` string.
         *
         * Returns the concatenated SCALE encoded public keys.
         */
        generate_session_keys: RuntimeDescriptor<[owner: Uint8Array, seed: Anonymize<Iabpgqcjikia83>], Anonymize<I4ph3d1eepnmr1>>;
        /**
         * Decode the given public session keys.
         *
         * Returns the list of public raw public keys + key type.
         */
        decode_session_keys: RuntimeDescriptor<[encoded: Uint8Array], Anonymize<Icerf8h8pdu8ss>>;
    };
    /**
     * APIs for integrating the GRANDPA finality gadget into runtimes.
     * This should be implemented on the runtime side.
     *
     * This is primarily used for negotiating authority-set changes for the
     * gadget. GRANDPA uses a signaling model of changing authority sets:
     * changes should be signaled with a delay of N blocks, and then automatically
     * applied in the runtime after those N blocks have passed.
     *
     * The consensus protocol will coordinate the handoff externally.
     */
    GrandpaApi: {
        /**
         * Get the current GRANDPA authorities and weights. This should not change except
         * for when changes are scheduled and the corresponding delay has passed.
         *
         * When called at block B, it will return the set of authorities that should be
         * used to finalize descendants of this block (B+1, B+2, ...). The block B itself
         * is finalized by the authorities from block B-1.
         */
        grandpa_authorities: RuntimeDescriptor<[], Anonymize<I3geksg000c171>>;
        /**
         * Submits an unsigned extrinsic to report an equivocation. The caller
         * must provide the equivocation proof and a key ownership proof
         * (should be obtained using `generate_key_ownership_proof`). The
         * extrinsic will be unsigned and should only be accepted for local
         * authorship (not to be broadcast to the network). This method returns
         * `None` when creation of the extrinsic fails, e.g. if equivocation
         * reporting is disabled for the given runtime (i.e. this method is
         * hardcoded to return `None`). Only useful in an offchain context.
         */
        submit_report_equivocation_unsigned_extrinsic: RuntimeDescriptor<[equivocation_proof: Anonymize<I9puqgoda8ofk4>, key_owner_proof: Uint8Array], boolean>;
        /**
         * Generates a proof of key ownership for the given authority in the
         * given set. An example usage of this module is coupled with the
         * session historical module to prove that a given authority key is
         * tied to a given staking identity during a specific session. Proofs
         * of key ownership are necessary for submitting equivocation reports.
         * NOTE: even though the API takes a `set_id` as parameter the current
         * implementations ignore this parameter and instead rely on this
         * method being called at the correct block height, i.e. any point at
         * which the given set id is live on-chain. Future implementations will
         * instead use indexed data through an offchain worker, not requiring
         * older states to be available.
         */
        generate_key_ownership_proof: RuntimeDescriptor<[set_id: bigint, authority_id: SizedHex<32>], Anonymize<Iabpgqcjikia83>>;
        /**
         * Get current GRANDPA authority set id.
         */
        current_set_id: RuntimeDescriptor<[], bigint>;
    };
    /**
     * The API to query account nonce.
     */
    AccountNonceApi: {
        /**
         * Get current account nonce of given `AccountId`.
         */
        account_nonce: RuntimeDescriptor<[account: SS58String], number>;
    };
    /**
    
     */
    TransactionPaymentApi: {
        /**
        
         */
        query_info: RuntimeDescriptor<[uxt: Uint8Array, len: number], Anonymize<I6spmpef2c7svf>>;
        /**
        
         */
        query_fee_details: RuntimeDescriptor<[uxt: Uint8Array, len: number], Anonymize<Iei2mvq0mjvt81>>;
        /**
        
         */
        query_weight_to_fee: RuntimeDescriptor<[weight: Anonymize<I4q39t5hn830vp>], bigint>;
        /**
        
         */
        query_length_to_fee: RuntimeDescriptor<[length: number], bigint>;
    };
    /**
    
     */
    TransactionPaymentCallApi: {
        /**
         * Query information of a dispatch class, weight, and fee of a given encoded `Call`.
         */
        query_call_info: RuntimeDescriptor<[call: Anonymize<I5or58uvr4prak>, len: number], Anonymize<I6spmpef2c7svf>>;
        /**
         * Query fee details of a given encoded `Call`.
         */
        query_call_fee_details: RuntimeDescriptor<[call: Anonymize<I5or58uvr4prak>, len: number], Anonymize<Iei2mvq0mjvt81>>;
        /**
         * Query the output of the current `WeightToFee` given some input.
         */
        query_weight_to_fee: RuntimeDescriptor<[weight: Anonymize<I4q39t5hn830vp>], bigint>;
        /**
         * Query the output of the current `LengthToFee` given some input.
         */
        query_length_to_fee: RuntimeDescriptor<[length: number], bigint>;
    };
    /**
     * Read access to the live chain and the archive for clients and auditors.
     */
    LiveChainApi: {
        /**
         * Full integrity check of the live chain and the archive (linear in their size).
         */
        verify_live_chain: RuntimeDescriptor<[], Anonymize<I1d3e2h4cj36ac>>;
        /**
         * Integrity check of transactions `from..from + count` (at most 1,000), their live
         * blocks and archive lineages; `next` says where the next page starts.
         */
        verify_live_chain_page: RuntimeDescriptor<[from: bigint, count: bigint], Anonymize<I1d3e2h4cj36ac>>;
        /**
         * Integrity check of what changed at or after block `since`: the transactions
         * published or redacted since, their live blocks and archive lineages, in pages of
         * whole blocks (about 1,000 transactions); `next` is the block the next page starts at.
         */
        verify_live_chain_since: RuntimeDescriptor<[since: bigint], Anonymize<I1d3e2h4cj36ac>>;
        /**
         * Descendants of `tx` (without `tx`) in topological order.
         */
        descendants: RuntimeDescriptor<[tx: bigint], Anonymize<Ids4a50qp52734>>;
        /**
         * Every archived version of `tx`, oldest first.
         */
        lineage: RuntimeDescriptor<[tx: bigint], Anonymize<I5ml23kskunpim>>;
        /**
         * The current version of `tx`.
         */
        live_model: RuntimeDescriptor<[tx: bigint], Anonymize<I5mdpqbachq35u>>;
    };
    /**
     * API to interact with `RuntimeGenesisConfig` for the runtime
     */
    GenesisBuilder: {
        /**
         * Build `RuntimeGenesisConfig` from a JSON blob not using any defaults and store it in the
         * storage.
         *
         * In the case of a FRAME-based runtime, this function deserializes the full
         * `RuntimeGenesisConfig` from the given JSON blob and puts it into the storage. If the
         * provided JSON blob is incorrect or incomplete or the deserialization fails, an error
         * is returned.
         *
         * Please note that provided JSON blob must contain all `RuntimeGenesisConfig` fields, no
         * defaults will be used.
         */
        build_state: RuntimeDescriptor<[json: Uint8Array], Anonymize<Ie9sr1iqcg3cgm>>;
        /**
         * Returns a JSON blob representation of the built-in `RuntimeGenesisConfig` identified by
         * `id`.
         *
         * If `id` is `None` the function should return JSON blob representation of the default
         * `RuntimeGenesisConfig` struct of the runtime. Implementation must provide default
         * `RuntimeGenesisConfig`.
         *
         * Otherwise function returns a JSON representation of the built-in, named
         * `RuntimeGenesisConfig` preset identified by `id`, or `None` if such preset does not
         * exist. Returned `Vec<u8>` contains bytes of JSON blob (patch) which comprises a list of
         * (potentially nested) key-value pairs that are intended for customizing the default
         * runtime genesis config. The patch shall be merged (rfc7386) with the JSON representation
         * of the default `RuntimeGenesisConfig` to create a comprehensive genesis config that can
         * be used in `build_state` method.
         */
        get_preset: RuntimeDescriptor<[id: Anonymize<I1mqgk2tmnn9i2>], Anonymize<Iabpgqcjikia83>>;
        /**
         * Returns a list of identifiers for available builtin `RuntimeGenesisConfig` presets.
         *
         * The presets from the list can be queried with [`GenesisBuilder::get_preset`] method. If
         * no named presets are provided by the runtime the list is empty.
         */
        preset_names: RuntimeDescriptor<[], Anonymize<I6lr8sctk0bi4e>>;
    };
};
export type BlockfulDispatchError = Anonymize<Ib8uj6g30nphit>;
type IAsset = PlainDescriptor<void>;
export type BlockfulExtensions = {};
type PalletsTypedef = {
    __storage: IStorage;
    __tx: ICalls;
    __event: IEvent;
    __error: IError;
    __const: IConstants;
    __view: IViewFns;
};
export type Blockful = {
    descriptors: {
        pallets: PalletsTypedef;
        apis: IRuntimeCalls;
    } & Promise<any>;
    metadataTypes: Promise<Uint8Array>;
    asset: IAsset;
    extensions: BlockfulExtensions;
    getMetadata: () => Promise<Uint8Array>;
    genesis: string | undefined;
};
declare const _allDescriptors: Blockful;
export default _allDescriptors;
export type BlockfulApis = ApisFromDef<IRuntimeCalls>;
export type BlockfulQueries = QueryFromPalletsDef<PalletsTypedef>;
export type BlockfulCalls = TxFromPalletsDef<PalletsTypedef>;
export type BlockfulEvents = EventsFromPalletsDef<PalletsTypedef>;
export type BlockfulErrors = ErrorsFromPalletsDef<PalletsTypedef>;
export type BlockfulConstants = ConstFromPalletsDef<PalletsTypedef>;
export type BlockfulViewFns = ViewFnsFromPalletsDef<PalletsTypedef>;
export type BlockfulCallData = Anonymize<I5or58uvr4prak> & {
    value: {
        type: string;
    };
};
type AllInteractions = {
    storage: {
        System: ['Account', 'ExtrinsicCount', 'InherentsApplied', 'BlockWeight', 'BlockSize', 'BlockHash', 'ExtrinsicData', 'Number', 'ParentHash', 'Digest', 'Events', 'EventCount', 'EventTopics', 'LastRuntimeUpgrade', 'BlocksTillUpgrade', 'UpgradedToU32RefCount', 'UpgradedToTripleRefCount', 'ExecutionPhase', 'AuthorizedUpgrade', 'ExtrinsicWeightReclaimed'];
        Timestamp: ['Now', 'DidUpdate'];
        Aura: ['Authorities', 'CurrentSlot'];
        Grandpa: ['State', 'PendingChange', 'NextForced', 'Stalled', 'CurrentSetId', 'SetIdSession', 'Authorities'];
        Balances: ['TotalIssuance', 'InactiveIssuance', 'Account', 'Locks', 'Reserves', 'Holds', 'Freezes'];
        TransactionPayment: ['NextFeeMultiplier', 'StorageVersion', 'TxPaymentCredit'];
        Committee: ['Proposals', 'ProposalOf', 'CostOf', 'Voting', 'ProposalCount', 'Members', 'Prime'];
        CommitteeMembership: ['Members', 'Prime'];
        Threshold: ['Dkg', 'NextEpoch', 'DkgCommitments', 'DkgShares', 'Disqualified', 'DkgComplaints', 'DkgPending', 'DkgConfirmed', 'BoundSecretKeys', 'Keys', 'ActiveEpoch', 'RefusedCommittee', 'Proposals', 'Queue', 'NextProposalId', 'PendingChunks', 'SignCommitments', 'AheadCommitments', 'NextHeights', 'SignShares', 'MessagesInBlock', 'Misbehaviour'];
        Archive: ['Records', 'RecordHashes', 'NextSeq', 'Head', 'Lineage', 'LineageLen'];
        LiveChain: ['ChPublicKey', 'Txs', 'NextTxId', 'Blocks', 'BlockTxs', 'NextHeight', 'PendingTxs', 'Children'];
        Unlearning: ['Requests', 'NextRequestId', 'LockedBy', 'Expiries', 'Updates', 'Releasing', 'Frontiers', 'SampleWithdrawals', 'Waiting', 'UpdateWindow'];
    };
    tx: {
        System: ['remark', 'set_heap_pages', 'set_code', 'set_code_without_checks', 'set_storage', 'kill_storage', 'kill_prefix', 'remark_with_event', 'authorize_upgrade', 'authorize_upgrade_without_checks', 'apply_authorized_upgrade'];
        Timestamp: ['set'];
        Grandpa: ['report_equivocation', 'report_equivocation_unsigned', 'note_stalled'];
        Balances: ['transfer_allow_death', 'force_transfer', 'transfer_keep_alive', 'transfer_all', 'force_unreserve', 'upgrade_accounts', 'force_set_balance', 'force_adjust_total_issuance', 'burn'];
        Committee: ['set_members', 'execute', 'propose', 'vote', 'disapprove_proposal', 'close', 'kill', 'release_proposal_cost'];
        CommitteeMembership: ['add_member', 'remove_member', 'swap_member', 'reset_members', 'change_key', 'set_prime', 'clear_prime'];
        Upgrade: ['authorize_upgrade'];
        Threshold: ['submit', 'propose_redaction', 'start_dkg', 'reject_proposal'];
        LiveChain: ['publish_model', 'redact'];
        Unlearning: ['request_unlearning', 'cancel_request', 'submit_update', 'request_sample_unlearning', 'extend_request'];
    };
    events: {
        System: ['ExtrinsicSuccess', 'ExtrinsicFailed', 'CodeUpdated', 'NewAccount', 'KilledAccount', 'Remarked', 'UpgradeAuthorized', 'RejectedInvalidAuthorizedUpgrade'];
        Grandpa: ['NewAuthorities', 'Paused', 'Resumed'];
        Balances: ['Endowed', 'DustLost', 'Transfer', 'BalanceSet', 'Reserved', 'Unreserved', 'ReserveRepatriated', 'Deposit', 'Withdraw', 'Slashed', 'Minted', 'MintedCredit', 'Burned', 'BurnedDebt', 'Suspended', 'Restored', 'Upgraded', 'Issued', 'Rescinded', 'Locked', 'Unlocked', 'Frozen', 'Thawed', 'TotalIssuanceForced', 'Held', 'BurnedHeld', 'TransferOnHold', 'TransferAndHold', 'Released', 'Unexpected'];
        TransactionPayment: ['TransactionFeePaid'];
        Committee: ['Proposed', 'Voted', 'Approved', 'Disapproved', 'Executed', 'MemberExecuted', 'Closed', 'Killed', 'ProposalCostBurned', 'ProposalCostReleased'];
        CommitteeMembership: ['MemberAdded', 'MemberRemoved', 'MembersSwapped', 'MembersReset', 'KeyChanged', 'Dummy'];
        Threshold: ['DkgStarted', 'DkgPhaseChanged', 'DealerDisqualified', 'FalseComplaint', 'KeyGenerated', 'Unconfirmed', 'DkgFailed', 'ResharingRefused', 'RedactionProposed', 'ProposalMoved', 'SignersChosen', 'InvalidPartialShare', 'SigningRestarted', 'ChunkApplied', 'RedactionApplied', 'ProposalDropped'];
        Archive: ['RecordAppended'];
        LiveChain: ['ModelPublished', 'LiveBlockSealed', 'ModelRedacted', 'LiveBlockRedacted', 'Redacted', 'PublicKeyInstalled'];
        Unlearning: ['UnlearningRequested', 'AffectedSetExtended', 'AffectedSetTooLarge', 'SamplesCommitted', 'RequestActivated', 'UpdateSubmitted', 'UpdatesComplete', 'RequestAdvanced', 'ArchiveFeePaid', 'RequestCompleted', 'RequestCancelled', 'RequestExpired'];
    };
    errors: {
        System: ['InvalidSpecName', 'SpecVersionNeedsToIncrease', 'FailedToExtractRuntimeVersion', 'NonDefaultComposite', 'NonZeroRefCount', 'CallFiltered', 'MultiBlockMigrationsOngoing', 'NothingAuthorized', 'Unauthorized'];
        Grandpa: ['PauseFailed', 'ResumeFailed', 'ChangePending', 'TooSoon', 'InvalidKeyOwnershipProof', 'InvalidEquivocationProof', 'DuplicateOffenceReport'];
        Balances: ['VestingBalance', 'LiquidityRestrictions', 'InsufficientBalance', 'ExistentialDeposit', 'Expendability', 'ExistingVestingSchedule', 'DeadAccount', 'TooManyReserves', 'TooManyHolds', 'TooManyFreezes', 'IssuanceDeactivated', 'DeltaZero'];
        Committee: ['NotMember', 'DuplicateProposal', 'ProposalMissing', 'WrongIndex', 'DuplicateVote', 'AlreadyInitialized', 'TooEarly', 'TooManyProposals', 'WrongProposalWeight', 'WrongProposalLength', 'PrimeAccountNotMember', 'ProposalActive'];
        CommitteeMembership: ['AlreadyMember', 'NotMember', 'TooManyMembers'];
        Threshold: ['NotMember', 'WrongEpoch', 'WrongPhase', 'AlreadySubmitted', 'InvalidCommitment', 'WrongShares', 'UnknownDealer', 'InvalidComplaint', 'AlreadyDisqualified', 'StaleKey', 'InvalidConfirmation', 'NotActiveProposal', 'WrongAttempt', 'StalePackage', 'Excluded', 'NotSigner', 'NotInCommittee', 'WrongItemCount', 'InvalidNonceCommitment', 'BadSignature', 'DkgInProgress', 'NotEnoughDealers', 'NotDealer', 'BadCommittee', 'KeyInUse', 'NoCommitteeKey', 'AlreadyProposed', 'QueueFull', 'TooManyQueued', 'NoUpdates', 'UnknownTx', 'UnknownRequest', 'UnknownProposal', 'Rejected', 'ChunkTooLargeForKey'];
        Archive: ['ArchiveFull', 'VersionOutOfOrder'];
        LiveChain: ['EmptyUri', 'MalformedUri', 'DuplicateRef', 'UnknownRef', 'NoPublicKey', 'InvalidPublicKey', 'InvalidRandomnessPoint', 'NonCanonicalScalar', 'InvalidCheck', 'ChMismatch', 'LiveBlockFull', 'Overflow', 'NoUpdates', 'TooManyUpdates', 'DuplicateUpdate', 'UnknownTx', 'TxCollisionInvalid', 'HeaderCollisionInvalid', 'MissingHeaderUpdate', 'UntouchedHeaderUpdate', 'DuplicateHeaderUpdate', 'UnknownBlock', 'RefLocked', 'InsufficientDeposit', 'KeyInUse'];
        Unlearning: ['EmptyStart', 'TooManyStarts', 'DuplicateStart', 'UnknownTx', 'NotOwner', 'EmptyClasses', 'TooManyClasses', 'DuplicateClass', 'TooManyAffected', 'Overflow', 'UnknownRequest', 'RequestCompleted', 'RequestClosed', 'AffectedModelLocked', 'InsufficientDeposit', 'NotRequester', 'RequestNotPending', 'TooManyRequestsThisBlock', 'UpdateOutsideAffected', 'SequentialStepNotSingle', 'AlreadyUpdated', 'SequentialOutOfOrder', 'RequestWaiting', 'TooManyWaiting', 'AlreadySubmitted', 'NotModelOwner', 'FallbackTooEarly', 'FallbackBeforeStarts', 'FallbackUnchanged', 'MustChange', 'UpdateMissing', 'UpdateNotSubmitted', 'UriMismatch', 'NothingToPropose', 'EmptyWithdrawal', 'NotComputing', 'RequestComputing'];
    };
    constants: {
        System: ['BlockWeights', 'BlockLength', 'BlockHashCount', 'DbWeight', 'Version', 'SS58Prefix'];
        Timestamp: ['MinimumPeriod'];
        Aura: ['SlotDuration'];
        Grandpa: ['MaxAuthorities', 'MaxNominators', 'MaxSetIdSessionEntries'];
        Balances: ['ExistentialDeposit', 'MaxLocks', 'MaxReserves', 'MaxFreezes'];
        TransactionPayment: ['OperationalFeeMultiplier'];
        Committee: ['MaxProposalWeight'];
        Threshold: ['DkgPhaseLength', 'RoundTimeout', 'MaxMembers', 'MaxQueued', 'MaxFinalChunk', 'MaxChunk', 'MaxQueuedPerRequester', 'MaxMessagesPerBlock', 'UnsignedPriority'];
        Archive: ['MaxUriLen', 'MaxRefs'];
        LiveChain: ['MaxTxsPerBlock', 'MaxUpdates', 'ModelDeposit'];
        Unlearning: ['MaxStarts', 'MaxClasses', 'MaxAffected', 'MaxFilingStep', 'RequestDeposit', 'ArchiveFee', 'RequestTtl', 'MaxRequestsPerBlock', 'MaxExpiriesPerBlock', 'MaxReleasePerBlock', 'MaxWaiting', 'DefaultUpdateWindow'];
    };
    viewFns: {};
    apis: {
        Core: ['version', 'execute_block', 'initialize_block'];
        Metadata: ['metadata', 'metadata_at_version', 'metadata_versions'];
        BlockBuilder: ['apply_extrinsic', 'finalize_block', 'inherent_extrinsics', 'check_inherents'];
        TaggedTransactionQueue: ['validate_transaction'];
        OffchainWorkerApi: ['offchain_worker'];
        AuraApi: ['slot_duration', 'authorities'];
        SessionKeys: ['generate_session_keys', 'decode_session_keys'];
        GrandpaApi: ['grandpa_authorities', 'submit_report_equivocation_unsigned_extrinsic', 'generate_key_ownership_proof', 'current_set_id'];
        AccountNonceApi: ['account_nonce'];
        TransactionPaymentApi: ['query_info', 'query_fee_details', 'query_weight_to_fee', 'query_length_to_fee'];
        TransactionPaymentCallApi: ['query_call_info', 'query_call_fee_details', 'query_weight_to_fee', 'query_length_to_fee'];
        LiveChainApi: ['verify_live_chain', 'verify_live_chain_page', 'verify_live_chain_since', 'descendants', 'lineage', 'live_model'];
        GenesisBuilder: ['build_state', 'get_preset', 'preset_names'];
    };
};
export type BlockfulWhitelistEntry = PalletKey | `query.${NestedKey<AllInteractions['storage']>}` | `tx.${NestedKey<AllInteractions['tx']>}` | `event.${NestedKey<AllInteractions['events']>}` | `error.${NestedKey<AllInteractions['errors']>}` | `const.${NestedKey<AllInteractions['constants']>}` | `view.${NestedKey<AllInteractions['viewFns']>}` | `api.${NestedKey<AllInteractions['apis']>}`;
type PalletKey = `*.${({
    [K in keyof AllInteractions]: K extends 'apis' ? never : keyof AllInteractions[K];
})[keyof AllInteractions]}`;
type NestedKey<D extends Record<string, string[]>> = "*" | {
    [P in keyof D & string]: `${P}.*` | `${P}.${D[P][number]}`;
}[keyof D & string];
