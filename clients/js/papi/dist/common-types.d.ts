import { Enum, GetEnum, SizedHex, SS58String, ResultPayload, FixedSizeArray, TxCallData } from "polkadot-api";
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
export type I5sesotjlssv2d = {
    "nonce": number;
    "consumers": number;
    "providers": number;
    "sufficients": number;
    "data": Anonymize<I1q8tnt1cluu5j>;
};
export type I1q8tnt1cluu5j = {
    "free": bigint;
    "reserved": bigint;
    "frozen": bigint;
    "flags": bigint;
};
export type Iffmde3ekjedi9 = {
    "normal": Anonymize<I4q39t5hn830vp>;
    "operational": Anonymize<I4q39t5hn830vp>;
    "mandatory": Anonymize<I4q39t5hn830vp>;
};
export type I4q39t5hn830vp = {
    "ref_time": bigint;
    "proof_size": bigint;
};
export type I4mddgoa69c0a2 = Array<DigestItem>;
export type DigestItem = Enum<{
    "PreRuntime": [SizedHex<4>, Uint8Array];
    "Consensus": [SizedHex<4>, Uint8Array];
    "Seal": [SizedHex<4>, Uint8Array];
    "Other": Uint8Array;
    "RuntimeEnvironmentUpdated": undefined;
}>;
export declare const DigestItem: GetEnum<DigestItem>;
export type I7oalqgft56j54 = Array<{
    "phase": Phase;
    "event": Enum<{
        "System": Anonymize<I7ebk09ieuvph2>;
        "Grandpa": GrandpaEvent;
        "Balances": Anonymize<I1cj3foqdls927>;
        "TransactionPayment": TransactionPaymentEvent;
        "Committee": Anonymize<I86hohrd12e92c>;
        "CommitteeMembership": Anonymize<Ibraem55mlft17>;
        "Threshold": Anonymize<I54vu7kmeqohr1>;
        "Archive": Anonymize<I5d2hucct89r2v>;
        "LiveChain": Anonymize<Iect7mn1646sl7>;
        "Unlearning": Anonymize<Ifpnmvo24msbvp>;
    }>;
    "topics": Anonymize<Ic5m5lp1oioo8r>;
}>;
export type Phase = Enum<{
    "ApplyExtrinsic": number;
    "Finalization": undefined;
    "Initialization": undefined;
}>;
export declare const Phase: GetEnum<Phase>;
export type I7ebk09ieuvph2 = AnonymousEnum<{
    /**
     * An extrinsic completed successfully.
     */
    "ExtrinsicSuccess": Anonymize<Ia82mnkmeo2rhc>;
    /**
     * An extrinsic failed.
     */
    "ExtrinsicFailed": Anonymize<I8lgqqoalsg0hh>;
    /**
     * `:code` was updated to the code with the given hash.
     */
    "CodeUpdated": Anonymize<I1jm8m1rh9e20v>;
    /**
     * A new account was created.
     */
    "NewAccount": Anonymize<Icbccs0ug47ilf>;
    /**
     * An account was reaped.
     */
    "KilledAccount": Anonymize<Icbccs0ug47ilf>;
    /**
     * On on-chain remark happened.
     */
    "Remarked": Anonymize<I855j4i3kr8ko1>;
    /**
     * An upgrade was authorized.
     */
    "UpgradeAuthorized": Anonymize<Ibgl04rn6nbfm6>;
    /**
     * An invalid authorized upgrade was rejected while trying to apply it.
     */
    "RejectedInvalidAuthorizedUpgrade": Anonymize<I47csbs25lbpk7>;
}>;
export type Ia82mnkmeo2rhc = {
    "dispatch_info": Anonymize<Ic9s8f85vjtncc>;
};
export type Ic9s8f85vjtncc = {
    "weight": Anonymize<I4q39t5hn830vp>;
    "class": DispatchClass;
    "pays_fee": Enum<{
        "Yes": undefined;
        "No": undefined;
    }>;
};
export type DispatchClass = Enum<{
    "Normal": undefined;
    "Operational": undefined;
    "Mandatory": undefined;
}>;
export declare const DispatchClass: GetEnum<DispatchClass>;
export type I8lgqqoalsg0hh = {
    "dispatch_error": Anonymize<Ib8uj6g30nphit>;
    "dispatch_info": Anonymize<Ic9s8f85vjtncc>;
};
export type Ib8uj6g30nphit = AnonymousEnum<{
    "Other": undefined;
    "CannotLookup": undefined;
    "BadOrigin": undefined;
    "Module": Enum<{
        "System": Anonymize<I5o0s7c8q1cc9b>;
        "Timestamp": undefined;
        "Aura": undefined;
        "Grandpa": Anonymize<I7q8i0pp1gkas6>;
        "Balances": Anonymize<Idj13i7adlomht>;
        "TransactionPayment": undefined;
        "Committee": Anonymize<I7n7mcmnnfjfl2>;
        "CommitteeMembership": Anonymize<Ie3flrv31mi7gh>;
        "Upgrade": undefined;
        "Threshold": Anonymize<I5oqd4jm5qk57g>;
        "Archive": Anonymize<Ic6i206lfu4lrf>;
        "LiveChain": Anonymize<I164q3fa2055fu>;
        "Unlearning": Anonymize<Iccvm95qvund75>;
    }>;
    "ConsumerRemaining": undefined;
    "NoProviders": undefined;
    "TooManyConsumers": undefined;
    "Token": TokenError;
    "Arithmetic": ArithmeticError;
    "Transactional": TransactionalError;
    "Exhausted": undefined;
    "Corruption": undefined;
    "Unavailable": undefined;
    "RootNotAllowed": undefined;
    "Trie": Enum<{
        "InvalidStateRoot": undefined;
        "IncompleteDatabase": undefined;
        "ValueAtIncompleteKey": undefined;
        "DecoderError": undefined;
        "InvalidHash": undefined;
        "DuplicateKey": undefined;
        "ExtraneousNode": undefined;
        "ExtraneousValue": undefined;
        "ExtraneousHashReference": undefined;
        "InvalidChildReference": undefined;
        "ValueMismatch": undefined;
        "IncompleteProof": undefined;
        "RootMismatch": undefined;
        "DecodeError": undefined;
    }>;
}>;
export type I5o0s7c8q1cc9b = AnonymousEnum<{
    /**
     * The name of specification does not match between the current runtime
     * and the new runtime.
     */
    "InvalidSpecName": undefined;
    /**
     * The specification version is not allowed to decrease between the current runtime
     * and the new runtime.
     */
    "SpecVersionNeedsToIncrease": undefined;
    /**
     * Failed to extract the runtime version from the new runtime.
     *
     * Either calling `Core_version` or decoding `RuntimeVersion` failed.
     */
    "FailedToExtractRuntimeVersion": undefined;
    /**
     * Suicide called when the account has non-default composite data.
     */
    "NonDefaultComposite": undefined;
    /**
     * There is a non-zero reference count preventing the account from being purged.
     */
    "NonZeroRefCount": undefined;
    /**
     * The origin filter prevent the call to be dispatched.
     */
    "CallFiltered": undefined;
    /**
     * A multi-block migration is ongoing and prevents the current code from being replaced.
     */
    "MultiBlockMigrationsOngoing": undefined;
    /**
     * No upgrade authorized.
     */
    "NothingAuthorized": undefined;
    /**
     * The submitted code is not authorized.
     */
    "Unauthorized": undefined;
}>;
export type I7q8i0pp1gkas6 = AnonymousEnum<{
    /**
     * Attempt to signal GRANDPA pause when the authority set isn't live
     * (either paused or already pending pause).
     */
    "PauseFailed": undefined;
    /**
     * Attempt to signal GRANDPA resume when the authority set isn't paused
     * (either live or already pending resume).
     */
    "ResumeFailed": undefined;
    /**
     * Attempt to signal GRANDPA change with one already pending.
     */
    "ChangePending": undefined;
    /**
     * Cannot signal forced change so soon after last.
     */
    "TooSoon": undefined;
    /**
     * A key ownership proof provided as part of an equivocation report is invalid.
     */
    "InvalidKeyOwnershipProof": undefined;
    /**
     * An equivocation proof provided as part of an equivocation report is invalid.
     */
    "InvalidEquivocationProof": undefined;
    /**
     * A given equivocation report is valid but already previously reported.
     */
    "DuplicateOffenceReport": undefined;
}>;
export type Idj13i7adlomht = AnonymousEnum<{
    /**
     * Vesting balance too high to send value.
     */
    "VestingBalance": undefined;
    /**
     * Account liquidity restrictions prevent withdrawal.
     */
    "LiquidityRestrictions": undefined;
    /**
     * Balance too low to send value.
     */
    "InsufficientBalance": undefined;
    /**
     * Value too low to create account due to existential deposit.
     */
    "ExistentialDeposit": undefined;
    /**
     * Transfer/payment would kill account.
     */
    "Expendability": undefined;
    /**
     * A vesting schedule already exists for this account.
     */
    "ExistingVestingSchedule": undefined;
    /**
     * Beneficiary account must pre-exist.
     */
    "DeadAccount": undefined;
    /**
     * Number of named reserves exceed `MaxReserves`.
     */
    "TooManyReserves": undefined;
    /**
     * Number of holds exceed `VariantCountOf<T::RuntimeHoldReason>`.
     */
    "TooManyHolds": undefined;
    /**
     * Number of freezes exceed `MaxFreezes`.
     */
    "TooManyFreezes": undefined;
    /**
     * The issuance cannot be modified since it is already deactivated.
     */
    "IssuanceDeactivated": undefined;
    /**
     * The delta cannot be zero.
     */
    "DeltaZero": undefined;
}>;
export type I7n7mcmnnfjfl2 = AnonymousEnum<{
    /**
     * Account is not a member
     */
    "NotMember": undefined;
    /**
     * Duplicate proposals not allowed
     */
    "DuplicateProposal": undefined;
    /**
     * Proposal must exist
     */
    "ProposalMissing": undefined;
    /**
     * Mismatched index
     */
    "WrongIndex": undefined;
    /**
     * Duplicate vote ignored
     */
    "DuplicateVote": undefined;
    /**
     * Members are already initialized!
     */
    "AlreadyInitialized": undefined;
    /**
     * The close call was made too early, before the end of the voting.
     */
    "TooEarly": undefined;
    /**
     * There can only be a maximum of `MaxProposals` active proposals.
     */
    "TooManyProposals": undefined;
    /**
     * The given weight bound for the proposal was too low.
     */
    "WrongProposalWeight": undefined;
    /**
     * The given length bound for the proposal was too low.
     */
    "WrongProposalLength": undefined;
    /**
     * Prime account is not a member
     */
    "PrimeAccountNotMember": undefined;
    /**
     * Proposal is still active.
     */
    "ProposalActive": undefined;
}>;
export type Ie3flrv31mi7gh = AnonymousEnum<{
    /**
     * Already a member.
     */
    "AlreadyMember": undefined;
    /**
     * Not a member.
     */
    "NotMember": undefined;
    /**
     * Too many members.
     */
    "TooManyMembers": undefined;
}>;
export type I5oqd4jm5qk57g = AnonymousEnum<{
    /**
     * The signer of a message is not a member of the run or key it refers to.
     */
    "NotMember": undefined;
    /**
     * No DKG run with this epoch is in progress.
     */
    "WrongEpoch": undefined;
    /**
     * The message does not belong to the current phase or round.
     */
    "WrongPhase": undefined;
    /**
     * This member already posted this message.
     */
    "AlreadySubmitted": undefined;
    /**
     * The DKG commitment is malformed, its proof of knowledge fails or its `bkfe` key
     * is not a key.
     */
    "InvalidCommitment": undefined;
    /**
     * The encrypted shares are not exactly one per other committed member, ascending.
     */
    "WrongShares": undefined;
    /**
     * The complaint names a dealer without shares, or oneself.
     */
    "UnknownDealer": undefined;
    /**
     * The complaint's revealed channel key has no valid proof.
     */
    "InvalidComplaint": undefined;
    /**
     * The dealer is already disqualified.
     */
    "AlreadyDisqualified": undefined;
    /**
     * The key confirmation is for another pending key (a complaint changed it since).
     */
    "StaleKey": undefined;
    /**
     * The key confirmation's proof does not verify against the member's `Y_j`.
     */
    "InvalidConfirmation": undefined;
    /**
     * The proposal is not the one being signed (or does not exist).
     */
    "NotActiveProposal": undefined;
    /**
     * The message is for another signing attempt.
     */
    "WrongAttempt": undefined;
    /**
     * The shares were computed for other signing packages (another fork's signer set).
     */
    "StalePackage": undefined;
    /**
     * The member is excluded from this attempt.
     */
    "Excluded": undefined;
    /**
     * The member is not a signer of this attempt.
     */
    "NotSigner": undefined;
    /**
     * The member left the committee: its old key share no longer signs.
     */
    "NotInCommittee": undefined;
    /**
     * One commitment or share per collision is needed.
     */
    "WrongItemCount": undefined;
    /**
     * A round-1 nonce commitment is not a valid non-identity point.
     */
    "InvalidNonceCommitment": undefined;
    /**
     * The signature does not verify.
     */
    "BadSignature": undefined;
    /**
     * A DKG run is already in progress.
     */
    "DkgInProgress": undefined;
    /**
     * A resharing needs at least the old key's threshold of its members in the new
     * committee.
     */
    "NotEnoughDealers": undefined;
    /**
     * Only dealers post shares (in a resharing, a new member only receives).
     */
    "NotDealer": undefined;
    /**
     * The committee is empty or larger than `MaxMembers`.
     */
    "BadCommittee": undefined;
    /**
     * Models are already bound to the live chain's key; a new key cannot replace it.
     */
    "KeyInUse": undefined;
    /**
     * No committee key is active, or the live chain uses another key.
     */
    "NoCommitteeKey": undefined;
    /**
     * The request already has a proposal waiting.
     */
    "AlreadyProposed": undefined;
    /**
     * The queue is full.
     */
    "QueueFull": undefined;
    /**
     * The requester already has `MaxQueuedPerRequester` proposals queued.
     */
    "TooManyQueued": undefined;
    /**
     * The proposal replaces no model.
     */
    "NoUpdates": undefined;
    /**
     * A model is not on the live chain.
     */
    "UnknownTx": undefined;
    /**
     * The request is unknown.
     */
    "UnknownRequest": undefined;
    /**
     * No such proposal is queued.
     */
    "UnknownProposal": undefined;
    /**
     * The committee rejected the proposal (`reject_proposal`).
     */
    "Rejected": undefined;
    /**
     * A resharing installed a key whose threshold cannot sign the proposal's chunks
     * within one block ([`costs::chunk_len`]): the proposal is dropped, and its
     * requester proposes the rest again, cut for the new key.
     */
    "ChunkTooLargeForKey": undefined;
}>;
export type Ic6i206lfu4lrf = AnonymousEnum<{
    /**
     * The sequence number or a lineage counter would overflow.
     */
    "ArchiveFull": undefined;
    /**
     * The appended version is not the next version of the transaction (the `n`-th
     * record of a transaction must be its version `n`).
     */
    "VersionOutOfOrder": undefined;
}>;
export type I164q3fa2055fu = AnonymousEnum<{
    /**
     * The URI is empty.
     */
    "EmptyUri": undefined;
    /**
     * The URI is not a model CID: the canonical base32 string of an IPFS CIDv1 with codec
     * `raw` or `dag-pb` and a sha2-256 multihash (`bafkrei…` / `bafybei…`, 59 characters),
     * the CID `ipfs add --cid-version 1` gives the model's bytes.
     */
    "MalformedUri": undefined;
    /**
     * The same transaction is referenced twice.
     */
    "DuplicateRef": undefined;
    /**
     * A reference names no existing transaction.
     */
    "UnknownRef": undefined;
    /**
     * No chameleon-hash public key is configured.
     */
    "NoPublicKey": undefined;
    /**
     * The configured chameleon-hash public key is invalid.
     */
    "InvalidPublicKey": undefined;
    /**
     * The randomness point `R` is not a valid ristretto255 encoding.
     */
    "InvalidRandomnessPoint": undefined;
    /**
     * The randomness scalar `s` is not canonically encoded.
     */
    "NonCanonicalScalar": undefined;
    /**
     * The check value is not a valid ristretto255 encoding.
     */
    "InvalidCheck": undefined;
    /**
     * The randomness does not open the check value to SCALE `(uri, refs)`.
     */
    "ChMismatch": undefined;
    /**
     * The pending live block holds `MaxTxsPerBlock` models. (`publish_model` does not
     * return it: it seals a full live block and starts the next.)
     */
    "LiveBlockFull": undefined;
    /**
     * A counter (transaction id, height or version) would overflow.
     */
    "Overflow": undefined;
    /**
     * A redaction without any model update.
     */
    "NoUpdates": undefined;
    /**
     * More than `MaxUpdates` updates.
     */
    "TooManyUpdates": undefined;
    /**
     * The same transaction is updated twice in one redaction.
     */
    "DuplicateUpdate": undefined;
    /**
     * An update names no existing transaction.
     */
    "UnknownTx": undefined;
    /**
     * The collision of the model update at `index` does not verify.
     */
    "TxCollisionInvalid": Anonymize<I666bl2fqjkejo>;
    /**
     * The collision of the header update at `index` does not verify.
     */
    "HeaderCollisionInvalid": Anonymize<I666bl2fqjkejo>;
    /**
     * A live block with a redacted transaction has no header update.
     */
    "MissingHeaderUpdate": undefined;
    /**
     * The header update at `index` is for a live block no update touches.
     */
    "UntouchedHeaderUpdate": Anonymize<I666bl2fqjkejo>;
    /**
     * Two header updates for the same live block.
     */
    "DuplicateHeaderUpdate": undefined;
    /**
     * A header update names no existing live block.
     */
    "UnknownBlock": undefined;
    /**
     * A reference names a model that an open unlearning request is unlearning; it can
     * be inherited from once the request completes, is cancelled or expires.
     */
    "RefLocked": undefined;
    /**
     * The publisher cannot cover the model deposit.
     */
    "InsufficientDeposit": undefined;
    /**
     * Models are bound to the current chameleon-hash key; it cannot be replaced.
     */
    "KeyInUse": undefined;
}>;
export type I666bl2fqjkejo = {
    /**
     * Position in `updates`.
     */
    "index": number;
};
export type Iccvm95qvund75 = AnonymousEnum<{
    /**
     * No start model given.
     */
    "EmptyStart": undefined;
    /**
     * More start models than `MaxStarts`.
     */
    "TooManyStarts": undefined;
    /**
     * A start model is listed twice.
     */
    "DuplicateStart": undefined;
    /**
     * A start model names no transaction.
     */
    "UnknownTx": undefined;
    /**
     * The signer does not own every start model.
     */
    "NotOwner": undefined;
    /**
     * No class to forget given.
     */
    "EmptyClasses": undefined;
    /**
     * More classes than `MaxClasses`.
     */
    "TooManyClasses": undefined;
    /**
     * A class is listed twice.
     */
    "DuplicateClass": undefined;
    /**
     * Start models plus descendants exceed `MaxAffected`.
     */
    "TooManyAffected": undefined;
    /**
     * A counter would overflow.
     */
    "Overflow": undefined;
    /**
     * The redaction names no existing request.
     */
    "UnknownRequest": undefined;
    /**
     * The request is already completed.
     */
    "RequestCompleted": undefined;
    /**
     * The request was cancelled or has expired.
     */
    "RequestClosed": undefined;
    /**
     * An affected model is locked by another open request.
     */
    "AffectedModelLocked": undefined;
    /**
     * The requester cannot cover the request deposit.
     */
    "InsufficientDeposit": undefined;
    /**
     * Only the requester may cancel a request.
     */
    "NotRequester": undefined;
    /**
     * Only a request no redaction has advanced yet can be cancelled.
     */
    "RequestNotPending": undefined;
    /**
     * Too many requests were filed in this block already (`MaxRequestsPerBlock`).
     */
    "TooManyRequestsThisBlock": undefined;
    /**
     * A redaction updates a model outside the request's affected set.
     */
    "UpdateOutsideAffected": undefined;
    /**
     * A sequential redaction must update exactly one model.
     */
    "SequentialStepNotSingle": undefined;
    /**
     * A sequential redaction updates a model already updated for this request.
     */
    "AlreadyUpdated": undefined;
    /**
     * A sequential redaction (or update) comes before all its affected parents'.
     */
    "SequentialOutOfOrder": undefined;
    /**
     * The request waits behind an overlapping open request.
     */
    "RequestWaiting": undefined;
    /**
     * Too many requests are waiting behind overlapping ones (`MaxWaiting`).
     */
    "TooManyWaiting": undefined;
    /**
     * This model already has an update for this request.
     */
    "AlreadySubmitted": undefined;
    /**
     * Only the model's owner may submit its update (no fallback applies).
     */
    "NotModelOwner": undefined;
    /**
     * The owners' window has not passed yet: no fallback update before `fallback_from`.
     */
    "FallbackTooEarly": undefined;
    /**
     * A fallback update needs every start model's update first (eqs. 7-8 use them).
     */
    "FallbackBeforeStarts": undefined;
    /**
     * A fallback update must give the model's new version, not `Unchanged`.
     */
    "FallbackUnchanged": undefined;
    /**
     * `Unchanged` is allowed only for inherited models in the parallel paradigm.
     */
    "MustChange": undefined;
    /**
     * Parallel: an affected model has no update yet.
     */
    "UpdateMissing": undefined;
    /**
     * The redaction names a model whose owner submitted no new version.
     */
    "UpdateNotSubmitted": undefined;
    /**
     * The redaction's URI for a model is not the one its owner submitted.
     */
    "UriMismatch": undefined;
    /**
     * No submitted update is ready to be proposed.
     */
    "NothingToPropose": undefined;
    /**
     * A sample-level request must commit to at least one sample, with a non-zero root.
     */
    "EmptyWithdrawal": undefined;
    /**
     * The request's affected set is complete: only a `Computing` request is extended.
     */
    "NotComputing": undefined;
    /**
     * The request's affected set is still being computed (`extend_request`).
     */
    "RequestComputing": undefined;
}>;
export type TokenError = Enum<{
    "FundsUnavailable": undefined;
    "OnlyProvider": undefined;
    "BelowMinimum": undefined;
    "CannotCreate": undefined;
    "UnknownAsset": undefined;
    "Frozen": undefined;
    "Unsupported": undefined;
    "CannotCreateHold": undefined;
    "NotExpendable": undefined;
    "Blocked": undefined;
}>;
export declare const TokenError: GetEnum<TokenError>;
export type ArithmeticError = Enum<{
    "Underflow": undefined;
    "Overflow": undefined;
    "DivisionByZero": undefined;
}>;
export declare const ArithmeticError: GetEnum<ArithmeticError>;
export type TransactionalError = Enum<{
    "LimitReached": undefined;
    "NoLayer": undefined;
}>;
export declare const TransactionalError: GetEnum<TransactionalError>;
export type I1jm8m1rh9e20v = {
    "hash": SizedHex<32>;
};
export type Icbccs0ug47ilf = {
    "account": SS58String;
};
export type I855j4i3kr8ko1 = {
    "sender": SS58String;
    "hash": SizedHex<32>;
};
export type Ibgl04rn6nbfm6 = {
    "code_hash": SizedHex<32>;
    "check_version": boolean;
};
export type I47csbs25lbpk7 = {
    "code_hash": SizedHex<32>;
    "error": Anonymize<Ib8uj6g30nphit>;
};
export type GrandpaEvent = Enum<{
    /**
     * New authority set has been applied.
     */
    "NewAuthorities": Anonymize<I5768ac424h061>;
    /**
     * Current authority set has been paused.
     */
    "Paused": undefined;
    /**
     * Current authority set has been resumed.
     */
    "Resumed": undefined;
}>;
export declare const GrandpaEvent: GetEnum<GrandpaEvent>;
export type I5768ac424h061 = {
    "authority_set": Anonymize<I3geksg000c171>;
};
export type I3geksg000c171 = Array<[SizedHex<32>, bigint]>;
export type I1cj3foqdls927 = AnonymousEnum<{
    /**
     * An account was created with some free balance.
     */
    "Endowed": Anonymize<Icv68aq8841478>;
    /**
     * An account was removed whose balance was non-zero but below ExistentialDeposit,
     * resulting in an outright loss.
     */
    "DustLost": Anonymize<Ic262ibdoec56a>;
    /**
     * Transfer succeeded.
     */
    "Transfer": Anonymize<Iflcfm9b6nlmdd>;
    /**
     * A balance was set by root.
     */
    "BalanceSet": Anonymize<Ijrsf4mnp3eka>;
    /**
     * Some balance was reserved (moved from free to reserved).
     */
    "Reserved": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * Some balance was unreserved (moved from reserved to free).
     */
    "Unreserved": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * Some balance was moved from the reserve of the first account to the second account.
     * Final argument indicates the destination balance type.
     */
    "ReserveRepatriated": Anonymize<I8tjvj9uq4b7hi>;
    /**
     * Some amount was deposited (e.g. for transaction fees).
     */
    "Deposit": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * Some amount was withdrawn from the account (e.g. for transaction fees).
     */
    "Withdraw": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * Some amount was removed from the account (e.g. for misbehavior).
     */
    "Slashed": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * Some amount was minted into an account.
     */
    "Minted": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * Some credit was balanced and added to the TotalIssuance.
     */
    "MintedCredit": Anonymize<I3qt1hgg4djhgb>;
    /**
     * Some amount was burned from an account.
     */
    "Burned": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * Some debt has been dropped from the Total Issuance.
     */
    "BurnedDebt": Anonymize<I3qt1hgg4djhgb>;
    /**
     * Some amount was suspended from an account (it can be restored later).
     */
    "Suspended": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * Some amount was restored into an account.
     */
    "Restored": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * An account was upgraded.
     */
    "Upgraded": Anonymize<I4cbvqmqadhrea>;
    /**
     * Total issuance was increased by `amount`, creating a credit to be balanced.
     */
    "Issued": Anonymize<I3qt1hgg4djhgb>;
    /**
     * Total issuance was decreased by `amount`, creating a debt to be balanced.
     */
    "Rescinded": Anonymize<I3qt1hgg4djhgb>;
    /**
     * Some balance was locked.
     */
    "Locked": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * Some balance was unlocked.
     */
    "Unlocked": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * Some balance was frozen.
     */
    "Frozen": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * Some balance was thawed.
     */
    "Thawed": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * The `TotalIssuance` was forcefully changed.
     */
    "TotalIssuanceForced": Anonymize<I4fooe9dun9o0t>;
    /**
     * Some balance was placed on hold.
     */
    "Held": Anonymize<Icod2g7vjgpmav>;
    /**
     * Held balance was burned from an account.
     */
    "BurnedHeld": Anonymize<Icod2g7vjgpmav>;
    /**
     * A transfer of `amount` on hold from `source` to `dest` was initiated.
     */
    "TransferOnHold": Anonymize<I10u3uais9uu0g>;
    /**
     * The `transferred` balance is placed on hold at the `dest` account.
     */
    "TransferAndHold": Anonymize<I2316r102lt9dr>;
    /**
     * Some balance was released from hold.
     */
    "Released": Anonymize<Icod2g7vjgpmav>;
    /**
     * An unexpected/defensive event was triggered.
     */
    "Unexpected": Anonymize<Iph9c4rn81ub2>;
}>;
export type Icv68aq8841478 = {
    "account": SS58String;
    "free_balance": bigint;
};
export type Ic262ibdoec56a = {
    "account": SS58String;
    "amount": bigint;
};
export type Iflcfm9b6nlmdd = {
    "from": SS58String;
    "to": SS58String;
    "amount": bigint;
};
export type Ijrsf4mnp3eka = {
    "who": SS58String;
    "free": bigint;
};
export type Id5fm4p8lj5qgi = {
    "who": SS58String;
    "amount": bigint;
};
export type I8tjvj9uq4b7hi = {
    "from": SS58String;
    "to": SS58String;
    "amount": bigint;
    "destination_status": BalanceStatus;
};
export type BalanceStatus = Enum<{
    "Free": undefined;
    "Reserved": undefined;
}>;
export declare const BalanceStatus: GetEnum<BalanceStatus>;
export type I3qt1hgg4djhgb = {
    "amount": bigint;
};
export type I4cbvqmqadhrea = {
    "who": SS58String;
};
export type I4fooe9dun9o0t = {
    "old": bigint;
    "new": bigint;
};
export type Icod2g7vjgpmav = {
    "reason": Anonymize<I3g72vfk76r0b1>;
    "who": SS58String;
    "amount": bigint;
};
export type I3g72vfk76r0b1 = AnonymousEnum<{
    "Committee": Enum<{
        "ProposalSubmission": undefined;
    }>;
    "LiveChain": Enum<{
        "ModelDeposit": undefined;
    }>;
    "Unlearning": Enum<{
        "RequestDeposit": undefined;
    }>;
}>;
export type I10u3uais9uu0g = {
    "reason": Anonymize<I3g72vfk76r0b1>;
    "source": SS58String;
    "dest": SS58String;
    "amount": bigint;
};
export type I2316r102lt9dr = {
    "reason": Anonymize<I3g72vfk76r0b1>;
    "source": SS58String;
    "dest": SS58String;
    "transferred": bigint;
};
export type Iph9c4rn81ub2 = AnonymousEnum<{
    "BalanceUpdated": undefined;
    "FailedToMutateAccount": undefined;
}>;
export type TransactionPaymentEvent = Enum<{
    /**
     * A transaction fee `actual_fee`, of which `tip` was added to the minimum inclusion fee,
     * has been paid by `who`.
     */
    "TransactionFeePaid": Anonymize<Ier2cke86dqbr2>;
}>;
export declare const TransactionPaymentEvent: GetEnum<TransactionPaymentEvent>;
export type Ier2cke86dqbr2 = {
    "who": SS58String;
    "actual_fee": bigint;
    "tip": bigint;
};
export type I86hohrd12e92c = AnonymousEnum<{
    /**
     * A motion (given hash) has been proposed (by given account) with a threshold (given
     * `MemberCount`).
     */
    "Proposed": Anonymize<Ift6f10887nk72>;
    /**
     * A motion (given hash) has been voted on by given account, leaving
     * a tally (yes votes and no votes given respectively as `MemberCount`).
     */
    "Voted": Anonymize<I7qc53b1tvqjg2>;
    /**
     * A motion was approved by the required threshold.
     */
    "Approved": Anonymize<I2ev73t79f46tb>;
    /**
     * A motion was not approved by the required threshold.
     */
    "Disapproved": Anonymize<I2ev73t79f46tb>;
    /**
     * A motion was executed; result will be `Ok` if it returned without error.
     */
    "Executed": Anonymize<Ieaoiqm0b5hlai>;
    /**
     * A single member did some action; result will be `Ok` if it returned without error.
     */
    "MemberExecuted": Anonymize<Ieaoiqm0b5hlai>;
    /**
     * A proposal was closed because its threshold was reached or after its duration was up.
     */
    "Closed": Anonymize<Iak7fhrgb9jnnq>;
    /**
     * A proposal was killed.
     */
    "Killed": Anonymize<I2ev73t79f46tb>;
    /**
     * Some cost for storing a proposal was burned.
     */
    "ProposalCostBurned": Anonymize<I9ad1o9mv4cm3>;
    /**
     * Some cost for storing a proposal was released.
     */
    "ProposalCostReleased": Anonymize<I9ad1o9mv4cm3>;
}>;
export type Ift6f10887nk72 = {
    "account": SS58String;
    "proposal_index": number;
    "proposal_hash": SizedHex<32>;
    "threshold": number;
};
export type I7qc53b1tvqjg2 = {
    "account": SS58String;
    "proposal_hash": SizedHex<32>;
    "voted": boolean;
    "yes": number;
    "no": number;
};
export type I2ev73t79f46tb = {
    "proposal_hash": SizedHex<32>;
};
export type Ieaoiqm0b5hlai = {
    "proposal_hash": SizedHex<32>;
    "result": Anonymize<I5hdt85fqhb812>;
};
export type I5hdt85fqhb812 = ResultPayload<undefined, Anonymize<Ib8uj6g30nphit>>;
export type Iak7fhrgb9jnnq = {
    "proposal_hash": SizedHex<32>;
    "yes": number;
    "no": number;
};
export type I9ad1o9mv4cm3 = {
    "proposal_hash": SizedHex<32>;
    "who": SS58String;
};
export type Ibraem55mlft17 = AnonymousEnum<{
    /**
     * The given member was added; see the transaction for who.
     */
    "MemberAdded": undefined;
    /**
     * The given member was removed; see the transaction for who.
     */
    "MemberRemoved": undefined;
    /**
     * Two members were swapped; see the transaction for who.
     */
    "MembersSwapped": undefined;
    /**
     * The membership was reset; see the transaction for who the new set is.
     */
    "MembersReset": undefined;
    /**
     * One of the members' keys changed.
     */
    "KeyChanged": undefined;
    /**
     * Phantom member, never used.
     */
    "Dummy": undefined;
}>;
export type I54vu7kmeqohr1 = AnonymousEnum<{
    /**
     * A DKG run started.
     */
    "DkgStarted": Anonymize<Icmfefj421dqem>;
    /**
     * A DKG run moved to its next phase.
     */
    "DkgPhaseChanged": Anonymize<I5g3pngu611laa>;
    /**
     * A justified complaint: the dealer's share did not match its commitment.
     */
    "DealerDisqualified": Anonymize<Itv1ia1dl52rq>;
    /**
     * A complaint about a share that was in fact correct.
     */
    "FalseComplaint": Anonymize<I2meopcs116bgt>;
    /**
     * A DKG run produced the committee key, now the live chain's chameleon-hash key (a
     * resharing: the same key, held by the new committee).
     */
    "KeyGenerated": Anonymize<I9e5renqeevhoo>;
    /**
     * Members that did not confirm their share before the key was installed: they may
     * hold no usable share (the key's margin is `confirmed − t` members).
     */
    "Unconfirmed": Anonymize<Iah8gotbc8k206>;
    /**
     * A DKG run ended without a key (too few qualified dealers or confirmations, or the
     * live chain refused the key); a new run starts if a committee exists.
     */
    "DkgFailed": Anonymize<Iefeuvfeiehd8e>;
    /**
     * The committee changed but its key cannot be re-shared to it (too few staying
     * members of the old key, or a size outside `1..=MaxMembers`): the key stays; its
     * holders still in the committee keep signing, which needs `t` of them (members
     * who left never sign), so redactions may wait until the committee is fixed.
     */
    "ResharingRefused": Anonymize<I8f77s90m09veo>;
    /**
     * A redaction was proposed.
     */
    "RedactionProposed": Anonymize<Ijkmciu2aeft>;
    /**
     * A queued proposal moved to the key of a new committee (after a resharing).
     */
    "ProposalMoved": Anonymize<I5aes8jp4sil1c>;
    /**
     * Round 1 closed: the signers of this attempt are fixed.
     */
    "SignersChosen": Anonymize<Ib0039lp6lgt92>;
    /**
     * A member's partial share did not verify against its `Y_i`.
     */
    "InvalidPartialShare": Anonymize<Ic7ra1r7sm2bkv>;
    /**
     * A signing attempt restarted (timeout or cheater).
     */
    "SigningRestarted": Anonymize<I8to0ae0golij0>;
    /**
     * One chunk of a proposal approved in several was aggregated and applied; the next
     * chunk's signing starts (its first attempt is `attempt`).
     */
    "ChunkApplied": Anonymize<I8lu8i8fbbf50g>;
    /**
     * The committee's collisions were aggregated and the redaction applied (for a
     * proposal in several chunks: its last chunk, so all of it).
     */
    "RedactionApplied": Anonymize<If6od6usoiau1p>;
    /**
     * A proposal was dropped: its request is no longer open, the redaction failed, or
     * the committee rejected it.
     */
    "ProposalDropped": Anonymize<I576ck46ikjigv>;
}>;
export type Icmfefj421dqem = {
    /**
     * Its epoch.
     */
    "epoch": number;
    /**
     * Committee size `n`.
     */
    "members": number;
    /**
     * Threshold `t`.
     */
    "threshold": number;
};
export type I5g3pngu611laa = {
    /**
     * Its epoch.
     */
    "epoch": number;
    /**
     * The new phase.
     */
    "phase": Anonymize<I4kje4j5011plu>;
};
export type I4kje4j5011plu = AnonymousEnum<{
    "Commit": undefined;
    "Share": undefined;
    "Confirm": undefined;
}>;
export type Itv1ia1dl52rq = {
    /**
     * The run.
     */
    "epoch": number;
    /**
     * The cheating dealer.
     */
    "dealer": SS58String;
    /**
     * The member that complained.
     */
    "by": SS58String;
};
export type I2meopcs116bgt = {
    /**
     * The run.
     */
    "epoch": number;
    /**
     * The member that complained.
     */
    "by": SS58String;
};
export type I9e5renqeevhoo = {
    /**
     * The key's epoch.
     */
    "epoch": number;
    /**
     * The group key `Y`.
     */
    "key": SizedHex<32>;
    /**
     * The dealers that make up the key.
     */
    "qualified": number;
};
export type Iah8gotbc8k206 = {
    /**
     * The key's epoch.
     */
    "epoch": number;
    /**
     * The members without a confirmation.
     */
    "members": Anonymize<Ia2lhg7l2hilo3>;
};
export type Ia2lhg7l2hilo3 = Array<SS58String>;
export type Iefeuvfeiehd8e = {
    /**
     * The run.
     */
    "epoch": number;
    /**
     * Qualified dealers it had.
     */
    "qualified": number;
};
export type I8f77s90m09veo = {
    /**
     * Size of the new committee.
     */
    "members": number;
    /**
     * Why.
     */
    "error": Anonymize<Ib8uj6g30nphit>;
};
export type Ijkmciu2aeft = {
    /**
     * Proposal id.
     */
    "proposal": bigint;
    /**
     * The unlearning request.
     */
    "request": bigint;
    /**
     * Collisions its first chunk needs.
     */
    "items": number;
    /**
     * Models it updates, over all its chunks.
     */
    "models": number;
    /**
     * Chunks it is applied in (1 unless the update set exceeds `MaxUpdates`).
     */
    "chunks": number;
    /**
     * The commitment to its whole update set (`Proposal::root`).
     */
    "root": SizedHex<32>;
};
export type I5aes8jp4sil1c = {
    /**
     * The proposal.
     */
    "proposal": bigint;
    /**
     * The key epoch whose members now sign it.
     */
    "epoch": number;
};
export type Ib0039lp6lgt92 = {
    /**
     * The proposal.
     */
    "proposal": bigint;
    /**
     * The attempt.
     */
    "attempt": number;
    /**
     * The signer set.
     */
    "signers": Anonymize<Icgljjb6j82uhn>;
};
export type Icgljjb6j82uhn = Array<number>;
export type Ic7ra1r7sm2bkv = {
    /**
     * The proposal.
     */
    "proposal": bigint;
    /**
     * The cheater.
     */
    "member": SS58String;
    /**
     * The first collision (item index) whose share failed.
     */
    "item": number;
};
export type I8to0ae0golij0 = {
    /**
     * The proposal.
     */
    "proposal": bigint;
    /**
     * The new attempt.
     */
    "attempt": number;
};
export type I8lu8i8fbbf50g = {
    /**
     * The proposal.
     */
    "proposal": bigint;
    /**
     * The unlearning request it advances.
     */
    "request": bigint;
    /**
     * The chunk applied, from 0.
     */
    "chunk": number;
    /**
     * Chunks of the proposal.
     */
    "chunks": number;
    /**
     * Models the chunk updated.
     */
    "models": number;
    /**
     * The signer set of the chunk.
     */
    "signers": Anonymize<Icgljjb6j82uhn>;
};
export type If6od6usoiau1p = {
    /**
     * The proposal.
     */
    "proposal": bigint;
    /**
     * The unlearning request it advanced.
     */
    "request": bigint;
    /**
     * The signer set.
     */
    "signers": Anonymize<Icgljjb6j82uhn>;
    /**
     * Attempts it took over all its chunks (1 = a one-chunk proposal at first try).
     */
    "attempts": number;
};
export type I576ck46ikjigv = {
    /**
     * The proposal.
     */
    "proposal": bigint;
    /**
     * Why.
     */
    "error": Anonymize<Ib8uj6g30nphit>;
};
export type I5d2hucct89r2v = AnonymousEnum<{
    /**
     * A model version was appended to the archive.
     */
    "RecordAppended": Anonymize<I55io2408av2e1>;
}>;
export type I55io2408av2e1 = {
    /**
     * Sequence number of the record.
     */
    "seq": bigint;
    /**
     * Live-chain transaction id of the model.
     */
    "tx": bigint;
    /**
     * Archived version of the model.
     */
    "version": number;
    /**
     * Hash of the record, the new head of the hash chain.
     */
    "hash": SizedHex<32>;
};
export type Iect7mn1646sl7 = AnonymousEnum<{
    /**
     * A model was published.
     */
    "ModelPublished": Anonymize<Idpb498h6c6d92>;
    /**
     * The models of this block were sealed into a live block.
     */
    "LiveBlockSealed": Anonymize<I1qfg5eiisvo81>;
    /**
     * A model's URI was replaced by a redaction.
     */
    "ModelRedacted": Anonymize<Iesrip973sqeht>;
    /**
     * A live-block header got a new version because a transaction of it was redacted.
     */
    "LiveBlockRedacted": Anonymize<I3q0i597sar7v4>;
    /**
     * A redaction was applied.
     */
    "Redacted": Anonymize<I75n96gjh63fs1>;
    /**
     * A chameleon-hash public key was installed (the committee's DKG group key).
     */
    "PublicKeyInstalled": Anonymize<I7hu7hl7r35nrm>;
}>;
export type Idpb498h6c6d92 = {
    /**
     * Its transaction id.
     */
    "tx": bigint;
    /**
     * Its publisher.
     */
    "owner": SS58String;
    /**
     * Its URI (CID).
     */
    "uri": Uint8Array;
    /**
     * The live block it will be sealed into.
     */
    "height": bigint;
};
export type I1qfg5eiisvo81 = {
    /**
     * Height of the live block.
     */
    "height": bigint;
    /**
     * Number of transactions.
     */
    "txs": number;
    /**
     * Merkle root over their check values.
     */
    "merkle_root": SizedHex<32>;
};
export type Iesrip973sqeht = {
    /**
     * Transaction id.
     */
    "tx": bigint;
    /**
     * The new version.
     */
    "version": number;
    /**
     * The new URI.
     */
    "uri": Uint8Array;
    /**
     * Archive sequence number of the new version's record.
     */
    "archived": bigint;
};
export type I3q0i597sar7v4 = {
    /**
     * Height of the live block.
     */
    "height": bigint;
    /**
     * The new header version.
     */
    "version": number;
};
export type I75n96gjh63fs1 = {
    /**
     * The unlearning request it advanced.
     */
    "request": bigint;
    /**
     * Number of models replaced.
     */
    "txs": number;
    /**
     * Number of live-block headers updated.
     */
    "blocks": number;
};
export type I7hu7hl7r35nrm = {
    /**
     * The key.
     */
    "key": SizedHex<32>;
};
export type Ifpnmvo24msbvp = AnonymousEnum<{
    /**
     * An unlearning request was stored.
     */
    "UnlearningRequested": Anonymize<Iafiam56pnd2j6>;
    /**
     * A step of a large request's affected-set search: `affected` models found so far;
     * while not `complete`, the next step is `extend_request(id)`.
     */
    "AffectedSetExtended": Anonymize<I5dr54fjj8trt2>;
    /**
     * The affected set of a computing request outgrew `MaxAffected`: the request is
     * closed (`Cancelled`), its locks and deposit released.
     */
    "AffectedSetTooLarge": Anonymize<I4lceh83ad8670>;
    /**
     * A sample-level request committed to the samples it withdraws (filed with the
     * `UnlearningRequested` event of the same id).
     */
    "SamplesCommitted": Anonymize<Ifse9r61jik93c>;
    /**
     * A waiting request now holds every affected model: owners may submit updates.
     */
    "RequestActivated": Anonymize<I4ov6e94l79mbg>;
    /**
     * An update of an affected model was submitted.
     */
    "UpdateSubmitted": Anonymize<I80adgjhq267lu>;
    /**
     * Parallel: every affected model has its update; the redaction can be proposed.
     */
    "UpdatesComplete": Anonymize<I4ov6e94l79mbg>;
    /**
     * A committee redaction advanced a request.
     */
    "RequestAdvanced": Anonymize<I7uuo0ij7vr12a>;
    /**
     * A closing request paid the archive fee of the models it updated (burned).
     */
    "ArchiveFeePaid": Anonymize<Iarnccmin6is0v>;
    /**
     * A request is complete.
     */
    "RequestCompleted": Anonymize<I22kdcajb9lkv0>;
    /**
     * The requester cancelled a pending request; locks and deposit are released.
     */
    "RequestCancelled": Anonymize<I4ov6e94l79mbg>;
    /**
     * An open request reached its expiry block; locks and deposit are released.
     */
    "RequestExpired": Anonymize<Icevvnkve2cmcd>;
}>;
export type Iafiam56pnd2j6 = {
    /**
     * Request id.
     */
    "id": bigint;
    /**
     * Who asked.
     */
    "requester": SS58String;
    /**
     * Parallel or sequential.
     */
    "paradigm": Anonymize<Idsashmscfchso>;
    /**
     * Number of affected models (start models included); for a request still
     * `Computing` (an `AffectedSetExtended` event follows), those found so far.
     */
    "affected": number;
    /**
     * Whether it waits behind overlapping open requests or for its affected set
     * to be computed (else it is pending).
     */
    "waiting": boolean;
};
export type Idsashmscfchso = AnonymousEnum<{
    "Parallel": undefined;
    "Sequential": undefined;
}>;
export type I5dr54fjj8trt2 = {
    /**
     * Request id.
     */
    "id": bigint;
    /**
     * Models found so far (start models included).
     */
    "affected": number;
    /**
     * Whether the set is complete (the request is then pending or waiting).
     */
    "complete": boolean;
};
export type I4lceh83ad8670 = {
    /**
     * Request id.
     */
    "id": bigint;
    /**
     * Models found before the search stopped.
     */
    "found": number;
};
export type Ifse9r61jik93c = {
    /**
     * Request id.
     */
    "id": bigint;
    /**
     * The commitment: Merkle root and number of withdrawn samples.
     */
    "withdrawn": Anonymize<Icieorn6ka531i>;
};
export type Icieorn6ka531i = {
    "root": SizedHex<32>;
    "samples": number;
};
export type I4ov6e94l79mbg = {
    /**
     * Request id.
     */
    "id": bigint;
};
export type I80adgjhq267lu = {
    /**
     * Request id.
     */
    "request": bigint;
    /**
     * The model.
     */
    "tx": bigint;
    /**
     * Who submitted it (the owner, or the fallback's submitter).
     */
    "by": SS58String;
    /**
     * The new version's URI; `None` for `Unchanged`.
     */
    "uri"?: Anonymize<Iabpgqcjikia83>;
    /**
     * Submitted by someone other than the owner (parallel public-data update).
     */
    "fallback": boolean;
};
export type Iabpgqcjikia83 = (Uint8Array) | undefined;
export type I7uuo0ij7vr12a = {
    /**
     * Request id.
     */
    "id": bigint;
    /**
     * Motions so far, this one included.
     */
    "round": number;
    /**
     * Models this redaction updated.
     */
    "updated": number;
};
export type Iarnccmin6is0v = {
    /**
     * Request id.
     */
    "id": bigint;
    /**
     * Models updated.
     */
    "models": number;
    /**
     * Amount burned.
     */
    "amount": bigint;
};
export type I22kdcajb9lkv0 = {
    /**
     * Request id.
     */
    "id": bigint;
    /**
     * Motions it took.
     */
    "rounds": number;
    /**
     * Affected models left unchanged under ε (parallel).
     */
    "skipped": number;
};
export type Icevvnkve2cmcd = {
    /**
     * Request id.
     */
    "id": bigint;
    /**
     * Models it had updated (sequential), which keep their new versions.
     */
    "updated": number;
};
export type Ic5m5lp1oioo8r = Array<SizedHex<32>>;
export type I95g6i7ilua7lq = Array<Anonymize<I9jd27rnpm8ttv>>;
export type I9jd27rnpm8ttv = FixedSizeArray<2, number>;
export type Ieniouoqkq4icf = {
    "spec_version": number;
    "spec_name": string;
};
export type GrandpaStoredState = Enum<{
    "Live": undefined;
    "PendingPause": {
        "scheduled_at": number;
        "delay": number;
    };
    "Paused": undefined;
    "PendingResume": {
        "scheduled_at": number;
        "delay": number;
    };
}>;
export declare const GrandpaStoredState: GetEnum<GrandpaStoredState>;
export type I7pe2me3i3vtn9 = {
    "scheduled_at": number;
    "delay": number;
    "next_authorities": Anonymize<I3geksg000c171>;
    "forced"?: Anonymize<I4arjljr6dpflb>;
};
export type I4arjljr6dpflb = (number) | undefined;
export type I8ds64oj6581v0 = Array<{
    "id": SizedHex<8>;
    "amount": bigint;
    "reasons": BalancesTypesReasons;
}>;
export type BalancesTypesReasons = Enum<{
    "Fee": undefined;
    "Misc": undefined;
    "All": undefined;
}>;
export declare const BalancesTypesReasons: GetEnum<BalancesTypesReasons>;
export type Ia7pdug7cdsg8g = Array<{
    "id": SizedHex<8>;
    "amount": bigint;
}>;
export type Ido3ar7m951ghk = Array<{
    "id": Anonymize<I3g72vfk76r0b1>;
    "amount": bigint;
}>;
export type I9bin2jc70qt6q = Array<Anonymize<I3qt1hgg4djhgb>>;
export type TransactionPaymentReleases = Enum<{
    "V1Ancient": undefined;
    "V2": undefined;
}>;
export declare const TransactionPaymentReleases: GetEnum<TransactionPaymentReleases>;
export type I5or58uvr4prak = AnonymousEnum<{
    "System": Anonymize<Iekve0i6djpd9f>;
    "Timestamp": Anonymize<I7d75gqfg6jh9c>;
    "Grandpa": Anonymize<Ibck9ekr2i96uj>;
    "Balances": Anonymize<I9svldsp29mh87>;
    "Committee": Anonymize<I2cn7i1gb59ga7>;
    "CommitteeMembership": Anonymize<I6tsknu13e0euf>;
    "Upgrade": Anonymize<Ihaooms4i702v>;
    "Threshold": Anonymize<I7b9h5d7g79un2>;
    "LiveChain": Anonymize<I53h5usfiohmnu>;
    "Unlearning": Anonymize<I9s08u9p1267k3>;
}>;
export type Iekve0i6djpd9f = AnonymousEnum<{
    /**
     * Make some on-chain remark.
     *
     * Can be executed by every `origin`.
     */
    "remark": Anonymize<I8ofcg5rbj0g2c>;
    /**
     * Set the number of pages in the WebAssembly environment's heap.
     */
    "set_heap_pages": Anonymize<I4adgbll7gku4i>;
    /**
     * Set the new runtime code.
     */
    "set_code": Anonymize<I6pjjpfvhvcfru>;
    /**
     * Set the new runtime code without doing any checks of the given `code`.
     *
     * Note that runtime upgrades will not run if this is called with a not-increasing spec
     * version!
     */
    "set_code_without_checks": Anonymize<I6pjjpfvhvcfru>;
    /**
     * Set some items of storage.
     */
    "set_storage": Anonymize<I9pj91mj79qekl>;
    /**
     * Kill some items from storage.
     */
    "kill_storage": Anonymize<I39uah9nss64h9>;
    /**
     * Kill all storage items with a key that starts with the given prefix.
     *
     * **NOTE:** We rely on the Root origin to provide us the number of subkeys under
     * the prefix we are removing to accurately calculate the weight of this function.
     */
    "kill_prefix": Anonymize<Ik64dknsq7k08>;
    /**
     * Make some on-chain remark and emit event.
     */
    "remark_with_event": Anonymize<I8ofcg5rbj0g2c>;
    /**
     * Authorize an upgrade to a given `code_hash` for the runtime. The runtime can be supplied
     * later.
     *
     * This call requires Root origin.
     */
    "authorize_upgrade": Anonymize<Ib51vk42m1po4n>;
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
    "authorize_upgrade_without_checks": Anonymize<Ib51vk42m1po4n>;
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
    "apply_authorized_upgrade": Anonymize<I6pjjpfvhvcfru>;
}>;
export type I8ofcg5rbj0g2c = {
    "remark": Uint8Array;
};
export type I4adgbll7gku4i = {
    "pages": bigint;
};
export type I6pjjpfvhvcfru = {
    "code": Uint8Array;
};
export type I9pj91mj79qekl = {
    "items": Array<FixedSizeArray<2, Uint8Array>>;
};
export type I39uah9nss64h9 = {
    "keys": Anonymize<Itom7fk49o0c9>;
};
export type Itom7fk49o0c9 = Array<Uint8Array>;
export type Ik64dknsq7k08 = {
    "prefix": Uint8Array;
    "subkeys": number;
};
export type Ib51vk42m1po4n = {
    "code_hash": SizedHex<32>;
};
export type I7d75gqfg6jh9c = AnonymousEnum<{
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
    "set": Anonymize<Idcr6u6361oad9>;
}>;
export type Idcr6u6361oad9 = {
    "now": bigint;
};
export type Ibck9ekr2i96uj = AnonymousEnum<{
    /**
     * Report voter equivocation/misbehavior. This method will verify the
     * equivocation proof and validate the given key ownership proof
     * against the extracted offender. If both are valid, the offence
     * will be reported.
     */
    "report_equivocation": Anonymize<I3a5kuu5t5jj3g>;
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
    "report_equivocation_unsigned": Anonymize<I3a5kuu5t5jj3g>;
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
    "note_stalled": Anonymize<I2hviml3snvhhn>;
}>;
export type I3a5kuu5t5jj3g = {
    "equivocation_proof": Anonymize<I9puqgoda8ofk4>;
};
export type I9puqgoda8ofk4 = {
    "set_id": bigint;
    "equivocation": GrandpaEquivocation;
};
export type GrandpaEquivocation = Enum<{
    "Prevote": {
        "round_number": bigint;
        "identity": SizedHex<32>;
        "first": [{
            "target_hash": SizedHex<32>;
            "target_number": number;
        }, SizedHex<64>];
        "second": [{
            "target_hash": SizedHex<32>;
            "target_number": number;
        }, SizedHex<64>];
    };
    "Precommit": {
        "round_number": bigint;
        "identity": SizedHex<32>;
        "first": [{
            "target_hash": SizedHex<32>;
            "target_number": number;
        }, SizedHex<64>];
        "second": [{
            "target_hash": SizedHex<32>;
            "target_number": number;
        }, SizedHex<64>];
    };
}>;
export declare const GrandpaEquivocation: GetEnum<GrandpaEquivocation>;
export type I2hviml3snvhhn = {
    "delay": number;
    "best_finalized_block_number": number;
};
export type I9svldsp29mh87 = AnonymousEnum<{
    /**
     * Transfer some liquid free balance to another account.
     *
     * `transfer_allow_death` will set the `FreeBalance` of the sender and receiver.
     * If the sender's account is below the existential deposit as a result
     * of the transfer, the account will be reaped.
     *
     * The dispatch origin for this call must be `Signed` by the transactor.
     */
    "transfer_allow_death": Anonymize<I4ktuaksf5i1gk>;
    /**
     * Exactly as `transfer_allow_death`, except the origin must be root and the source account
     * may be specified.
     */
    "force_transfer": Anonymize<I9bqtpv2ii35mp>;
    /**
     * Same as the [`transfer_allow_death`] call, but with a check that the transfer will not
     * kill the origin account.
     *
     * 99% of the time you want [`transfer_allow_death`] instead.
     *
     * [`transfer_allow_death`]: struct.Pallet.html#method.transfer
     */
    "transfer_keep_alive": Anonymize<I4ktuaksf5i1gk>;
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
    "transfer_all": Anonymize<I9j7pagd6d4bda>;
    /**
     * Unreserve some balance from a user by force.
     *
     * Can only be called by ROOT.
     */
    "force_unreserve": Anonymize<I2h9pmio37r7fb>;
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
    "upgrade_accounts": Anonymize<Ibmr18suc9ikh9>;
    /**
     * Set the regular balance of a given account.
     *
     * The dispatch origin for this call is `root`.
     */
    "force_set_balance": Anonymize<I9iq22t0burs89>;
    /**
     * Adjust the total issuance in a saturating way.
     *
     * Can only be called by root and always needs a positive `delta`.
     *
     * # Example
     */
    "force_adjust_total_issuance": Anonymize<I5u8olqbbvfnvf>;
    /**
     * Burn the specified liquid free balance from the origin account.
     *
     * If the origin's account ends up below the existential deposit as a result
     * of the burn and `keep_alive` is false, the account will be reaped.
     *
     * Unlike sending funds to a _burn_ address, which merely makes the funds inaccessible,
     * this `burn` operation will reduce total issuance by the amount _burned_.
     */
    "burn": Anonymize<I5utcetro501ir>;
}>;
export type I4ktuaksf5i1gk = {
    "dest": MultiAddress;
    "value": bigint;
};
export type MultiAddress = Enum<{
    "Id": SS58String;
    "Index": undefined;
    "Raw": Uint8Array;
    "Address32": SizedHex<32>;
    "Address20": SizedHex<20>;
}>;
export declare const MultiAddress: GetEnum<MultiAddress>;
export type I9bqtpv2ii35mp = {
    "source": MultiAddress;
    "dest": MultiAddress;
    "value": bigint;
};
export type I9j7pagd6d4bda = {
    "dest": MultiAddress;
    "keep_alive": boolean;
};
export type I2h9pmio37r7fb = {
    "who": MultiAddress;
    "amount": bigint;
};
export type Ibmr18suc9ikh9 = {
    "who": Anonymize<Ia2lhg7l2hilo3>;
};
export type I9iq22t0burs89 = {
    "who": MultiAddress;
    "new_free": bigint;
};
export type I5u8olqbbvfnvf = {
    "direction": BalancesAdjustmentDirection;
    "delta": bigint;
};
export type BalancesAdjustmentDirection = Enum<{
    "Increase": undefined;
    "Decrease": undefined;
}>;
export declare const BalancesAdjustmentDirection: GetEnum<BalancesAdjustmentDirection>;
export type I5utcetro501ir = {
    "value": bigint;
    "keep_alive": boolean;
};
export type I2cn7i1gb59ga7 = AnonymousEnum<{
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
    "set_members": Anonymize<I38jfk5li8iang>;
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
    "execute": Anonymize<I74emp5umgnkud>;
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
    "propose": Anonymize<Icgt4v2365ttsr>;
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
    "vote": Anonymize<I2dtrijkm5601t>;
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
    "disapprove_proposal": Anonymize<I2ev73t79f46tb>;
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
    "close": Anonymize<Ib2obgji960euh>;
    /**
     * Disapprove the proposal and burn the cost held for storing this proposal.
     *
     * Parameters:
     * - `origin`: must be the `KillOrigin`.
     * - `proposal_hash`: The hash of the proposal that should be killed.
     *
     * Emits `Killed` and `ProposalCostBurned` if any cost was held for a given proposal.
     */
    "kill": Anonymize<I2ev73t79f46tb>;
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
    "release_proposal_cost": Anonymize<I2ev73t79f46tb>;
}>;
export type I38jfk5li8iang = {
    "new_members": Anonymize<Ia2lhg7l2hilo3>;
    "prime"?: (SS58String) | undefined;
    "old_count": number;
};
export type I74emp5umgnkud = {
    "proposal": TxCallData;
    "length_bound": number;
};
export type Icgt4v2365ttsr = {
    "threshold": number;
    "proposal": TxCallData;
    "length_bound": number;
};
export type I2dtrijkm5601t = {
    "proposal": SizedHex<32>;
    "index": number;
    "approve": boolean;
};
export type Ib2obgji960euh = {
    "proposal_hash": SizedHex<32>;
    "index": number;
    "proposal_weight_bound": Anonymize<I4q39t5hn830vp>;
    "length_bound": number;
};
export type I6tsknu13e0euf = AnonymousEnum<{
    /**
     * Add a member `who` to the set.
     *
     * May only be called from `T::AddOrigin`.
     */
    "add_member": Anonymize<I59bngqm85b22v>;
    /**
     * Remove a member `who` from the set.
     *
     * May only be called from `T::RemoveOrigin`.
     */
    "remove_member": Anonymize<I59bngqm85b22v>;
    /**
     * Swap out one member `remove` for another `add`.
     *
     * May only be called from `T::SwapOrigin`.
     *
     * Prime membership is *not* passed from `remove` to `add`, if extant.
     */
    "swap_member": Anonymize<I4u4n2na1l5uo7>;
    /**
     * Change the membership to a new set, disregarding the existing membership. Be nice and
     * pass `members` pre-sorted.
     *
     * May only be called from `T::ResetOrigin`.
     */
    "reset_members": Anonymize<I3c63j6sh3evqn>;
    /**
     * Swap out the sending member for some other key `new`.
     *
     * May only be called from `Signed` origin of a current member.
     *
     * Prime membership is passed from the origin account to `new`, if extant.
     */
    "change_key": Anonymize<I8k3rnvpeeh4hv>;
    /**
     * Set the prime member. Must be a current member.
     *
     * May only be called from `T::PrimeOrigin`.
     */
    "set_prime": Anonymize<I59bngqm85b22v>;
    /**
     * Remove the prime member if it exists.
     *
     * May only be called from `T::PrimeOrigin`.
     */
    "clear_prime": undefined;
}>;
export type I59bngqm85b22v = {
    "who": MultiAddress;
};
export type I4u4n2na1l5uo7 = {
    "remove": MultiAddress;
    "add": MultiAddress;
};
export type I3c63j6sh3evqn = {
    "members": Anonymize<Ia2lhg7l2hilo3>;
};
export type I8k3rnvpeeh4hv = {
    "new": MultiAddress;
};
export type Ihaooms4i702v = AnonymousEnum<{
    /**
     * Authorises a runtime upgrade to the code whose hash is `code_hash` (emits
     * `System::UpgradeAuthorized`). The code is then applied by anyone with
     * `System::apply_authorized_upgrade`, which checks the spec version.
     */
    "authorize_upgrade": Anonymize<Ib51vk42m1po4n>;
}>;
export type I7b9h5d7g79un2 = AnonymousEnum<{
    /**
     * A committee member's DKG or signing message, signed with its member key. Sent
     * by the members' off-chain workers as an unsigned transaction (no fee, no nonce);
     * the signature is checked in validation. Charged the most the message can cost;
     * a round-2 share that does not complete the round is refunded to its record.
     */
    "submit": Anonymize<I133afc08h2mau>;
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
    "propose_redaction": Anonymize<I6al1n81n93b1t>;
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
    "start_dkg": undefined;
    /**
     * Drops queued proposal `proposal` (the committee's 2/3): a way to stop one
     * redaction without pausing the members' nodes. Its request stays open; the owners'
     * updates stay submitted.
     */
    "reject_proposal": Anonymize<Ibmifqrssunvco>;
}>;
export type I133afc08h2mau = {
    "submission": {
        "member": SizedHex<32>;
        "message": Enum<{
            "DkgCommit": {
                "epoch": number;
                "commitment": Anonymize<Iae0ial4kt6kku>;
            };
            "DkgShare": {
                "epoch": number;
                "shares": Anonymize<Iqnbvitf7a7l3>;
            };
            "DkgComplain": {
                "epoch": number;
                "dealer": number;
                "proof": {
                    "shared": SizedHex<32>;
                    "a1": SizedHex<32>;
                    "a2": SizedHex<32>;
                    "z": SizedHex<32>;
                };
            };
            "DkgConfirm": {
                "epoch": number;
                "key": SizedHex<32>;
                "proof": {
                    "r": SizedHex<32>;
                    "mu": SizedHex<32>;
                };
            };
            "SignCommit": {
                "proposal": bigint;
                "attempt": number;
                "commitments": Anonymize<I5v1libhfl216g>;
            };
            "SignShare": {
                "proposal": bigint;
                "attempt": number;
                "package": SizedHex<32>;
                "shares": Anonymize<Ic5m5lp1oioo8r>;
            };
            "SignCommitAhead": {
                "proposal": bigint;
                "chunk": number;
                "attempt": number;
                "commitments": Anonymize<I5v1libhfl216g>;
            };
        }>;
    };
    "signature": SizedHex<64>;
};
export type Iae0ial4kt6kku = {
    "package": {
        "sender": number;
        "commitment": Anonymize<Ic5m5lp1oioo8r>;
        "proof_r": SizedHex<32>;
        "proof_mu": SizedHex<32>;
    };
    "channel": SizedHex<32>;
    "secret_key": Uint8Array;
};
export type Iqnbvitf7a7l3 = Array<[number, SizedHex<32>]>;
export type I5v1libhfl216g = Array<FixedSizeArray<2, SizedHex<32>>>;
export type I6al1n81n93b1t = {
    "request": bigint;
};
export type Ibmifqrssunvco = {
    "proposal": bigint;
};
export type I53h5usfiohmnu = AnonymousEnum<{
    /**
     * Publishes a model: `uri` its CID, `refs` the distinct ids of the models it
     * aggregated (none of them locked by an open unlearning request), `(ch, rand)` a
     * chameleon hash of SCALE `(uri, refs)` under [`ChPublicKey`]. Holds
     * [`Config::ModelDeposit`] from the signer. The model joins the pending live block
     * (sealed at the end of the chain block, or as soon as it holds `MaxTxsPerBlock`
     * models) and the archive (as version 0).
     */
    "publish_model": Anonymize<Ic5j42oft1f5kr>;
    /**
     * Replaces model URIs for unlearning request `request`, which the redaction must
     * advance (checked by [`Config::OnRedaction`]). Each of `updates` carries a
     * collision under the model's unchanged `ch` for SCALE `(new uri, old refs)`;
     * `headers` has exactly one collision per touched live block, for SCALE
     * `(height, version + 1)`. Atomic: any failing check changes nothing and the error
     * names it. Each new version is archived as it becomes live.
     */
    "redact": Anonymize<I9k5t9kbvbglj8>;
}>;
export type Ic5j42oft1f5kr = {
    "uri": Uint8Array;
    "refs": Anonymize<Iafqnechp3omqg>;
    "ch": SizedHex<32>;
    "rand": SizedHex<64>;
};
export type Iafqnechp3omqg = Array<bigint>;
export type I9k5t9kbvbglj8 = {
    "request": bigint;
    "updates": Array<{
        "tx": bigint;
        "uri": Uint8Array;
        "rand": SizedHex<64>;
    }>;
    "headers": Array<{
        "height": bigint;
        "rand": SizedHex<64>;
    }>;
};
export type I9s08u9p1267k3 = AnonymousEnum<{
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
    "request_unlearning": Anonymize<I4qn8j808r96li>;
    /**
     * Withdraws request `id`: only its requester, and only while no redaction advanced
     * it (pending or waiting). Releases its locks (to the requests waiting for them),
     * its owners' submissions and its deposit.
     */
    "cancel_request": Anonymize<I4ov6e94l79mbg>;
    /**
     * Submits the new version of affected model `tx` for request `id`: `Replace(cid)`
     * (the unlearned model, already in the live store) or, parallel and inherited
     * only, `Unchanged`. Signed by the model's **owner**; in the parallel paradigm,
     * once [`UpdateWindow`] has passed and every start model has its update, anyone may
     * submit an inherited model's public-data update instead (flagged `fallback`).
     * Sequential: only after every affected parent's update was applied. One update
     * per model and request.
     */
    "submit_update": Anonymize<I2opijl8e1qimt>;
    /**
     * A **sample-level** request: asks that the `start` models (all owned by the
     * signer) and every model that inherited from them forget specific training
     * samples of the requester, committed to by `withdrawn` (a Merkle root and the
     * number of samples; the samples stay private). Otherwise exactly
     * `request_unlearning`: the same affected set, locks, deposit, paradigms, owners'
     * submissions and committee redactions; its `classes` are empty and the
     * commitment is stored in [`SampleWithdrawals`].
     */
    "request_sample_unlearning": Anonymize<Ia9ohir42h0hf9>;
    /**
     * Runs the next step of the affected-set search of `Computing` request `id`
     * (any signer; the requester's archive fee is held for the models found): finds
     * at most [`Config::MaxFilingStep`] more models, locks the free ones, takes over
     * those a later queued request holds, and waits for the others. When the set is
     * complete the request becomes `Pending` (it holds every model) or `Waiting`; if
     * it outgrows `MaxAffected` it is closed (`AffectedSetTooLarge`).
     */
    "extend_request": Anonymize<I4ov6e94l79mbg>;
}>;
export type I4qn8j808r96li = {
    "start": Anonymize<Iafqnechp3omqg>;
    "classes": Uint8Array;
    "paradigm": Anonymize<Idsashmscfchso>;
};
export type I2opijl8e1qimt = {
    "request": bigint;
    "tx": bigint;
    "update": Anonymize<Ieuj99tsm5flmt>;
};
export type Ieuj99tsm5flmt = AnonymousEnum<{
    "Replace": Uint8Array;
    "Unchanged": undefined;
}>;
export type Ia9ohir42h0hf9 = {
    "start": Anonymize<Iafqnechp3omqg>;
    "withdrawn": Anonymize<Icieorn6ka531i>;
    "paradigm": Anonymize<Idsashmscfchso>;
};
export type Ifvqn3ldat80ai = [SS58String, undefined];
export type I99bb69usss9gs = {
    "index": number;
    "threshold": number;
    "ayes": Anonymize<Ia2lhg7l2hilo3>;
    "nays": Anonymize<Ia2lhg7l2hilo3>;
    "end": number;
};
export type Idkjtc6vtrnpep = {
    "epoch": number;
    "members": Anonymize<Ia2lhg7l2hilo3>;
    "threshold": number;
    "phase": Anonymize<I4kje4j5011plu>;
    "deadline": number;
    "reshare"?: Anonymize<I4arjljr6dpflb>;
};
export type I5g2vv0ckl2m8b = [number, number];
export type I3pjs7v78ujbii = [number, Anonymize<I9jd27rnpm8ttv>];
export type I4sh1ks928qrqa = {
    "members": Anonymize<Ia2lhg7l2hilo3>;
    "qualified": Anonymize<Icgljjb6j82uhn>;
    "package": {
        "group_key": SizedHex<32>;
        "threshold": number;
        "verification_shares": Anonymize<Iqnbvitf7a7l3>;
    };
    "reshared_from"?: Anonymize<I4arjljr6dpflb>;
    "confirmed": Anonymize<Icgljjb6j82uhn>;
};
export type I30d5dh31ucgkg = {
    "request": bigint;
    "proposer": SS58String;
    "epoch": number;
    "updates": Anonymize<I88nnc0ee110br>;
    "heights": Anonymize<Iafqnechp3omqg>;
    "root": SizedHex<32>;
    "chunk": number;
    "chunks": number;
    "chunk_size": number;
    "attempt": number;
    "banned": Anonymize<Icgljjb6j82uhn>;
    "skipped": Anonymize<Icgljjb6j82uhn>;
    "phase": Enum<{
        "Commit": undefined;
        "Sign": {
            "signers": Anonymize<Icgljjb6j82uhn>;
            "package": SizedHex<32>;
        };
    }>;
    "deadline": number;
};
export type I88nnc0ee110br = Array<[bigint, Uint8Array]>;
export type I6cs1itejju2vv = [bigint, number];
export type I5lfavqucpibjd = {
    "seq": bigint;
    "prev_hash": SizedHex<32>;
    "tx": bigint;
    "version": number;
    "uri": Uint8Array;
    "content_hash": SizedHex<32>;
    "refs": Anonymize<Iafqnechp3omqg>;
    "owner": SS58String;
    "ch": SizedHex<32>;
    "rand": SizedHex<64>;
    "reason": Anonymize<Icc8f5fv4ahi9s>;
    "block_number": number;
};
export type Icc8f5fv4ahi9s = AnonymousEnum<{
    "Published": undefined;
    "Redacted": Anonymize<I6al1n81n93b1t>;
}>;
export type I3hdj20olt1ol = {
    "owner": SS58String;
    "uri": Uint8Array;
    "refs": Anonymize<Iafqnechp3omqg>;
    "ch": SizedHex<32>;
    "rand": SizedHex<64>;
    "version": number;
    "height": bigint;
};
export type I7j7b35uvoa1dr = {
    "parent": SizedHex<32>;
    "ch_curr": SizedHex<32>;
    "r_curr": SizedHex<64>;
    "version": number;
    "merkle_root": SizedHex<32>;
    "timestamp": bigint;
};
export type I200n1ov5tbcvr = FixedSizeArray<2, bigint>;
export type I39dpgsfrfqoje = {
    "requester": SS58String;
    "start": Anonymize<Iafqnechp3omqg>;
    "classes": Uint8Array;
    "paradigm": Anonymize<Idsashmscfchso>;
    "affected": Anonymize<Iafqnechp3omqg>;
    "done": Anonymize<Iafqnechp3omqg>;
    "skipped": Anonymize<Iafqnechp3omqg>;
    "status": Enum<{
        "Pending": undefined;
        "InProgress": undefined;
        "Completed": undefined;
        "Cancelled": undefined;
        "Expired": undefined;
        "Waiting": undefined;
        "Computing": undefined;
    }>;
    "rounds": number;
    "submitted": number;
    "created": number;
    "activated"?: Anonymize<I4arjljr6dpflb>;
    "fallback_from"?: Anonymize<I4arjljr6dpflb>;
    "completed"?: Anonymize<I4arjljr6dpflb>;
    "expires"?: Anonymize<I4arjljr6dpflb>;
    "deposit": bigint;
};
export type Iehrfhjl995url = {
    "update": Anonymize<Ieuj99tsm5flmt>;
    "by": SS58String;
    "fallback": boolean;
    "at": number;
};
export type Iba32499dqm93s = {
    "queue": Anonymize<Iafqnechp3omqg>;
    "cursor"?: (Anonymize<I200n1ov5tbcvr>) | undefined;
};
export type Ifip05kcrl65am = Array<Anonymize<I6cs1itejju2vv>>;
export type In7a38730s6qs = {
    "base_block": Anonymize<I4q39t5hn830vp>;
    "max_block": Anonymize<I4q39t5hn830vp>;
    "per_class": {
        "normal": {
            "base_extrinsic": Anonymize<I4q39t5hn830vp>;
            "max_extrinsic"?: (Anonymize<I4q39t5hn830vp>) | undefined;
            "max_total"?: (Anonymize<I4q39t5hn830vp>) | undefined;
            "reserved"?: (Anonymize<I4q39t5hn830vp>) | undefined;
        };
        "operational": {
            "base_extrinsic": Anonymize<I4q39t5hn830vp>;
            "max_extrinsic"?: (Anonymize<I4q39t5hn830vp>) | undefined;
            "max_total"?: (Anonymize<I4q39t5hn830vp>) | undefined;
            "reserved"?: (Anonymize<I4q39t5hn830vp>) | undefined;
        };
        "mandatory": {
            "base_extrinsic": Anonymize<I4q39t5hn830vp>;
            "max_extrinsic"?: (Anonymize<I4q39t5hn830vp>) | undefined;
            "max_total"?: (Anonymize<I4q39t5hn830vp>) | undefined;
            "reserved"?: (Anonymize<I4q39t5hn830vp>) | undefined;
        };
    };
};
export type Ibtil0ss5munbk = {
    "max": {
        "normal": number;
        "operational": number;
        "mandatory": number;
    };
    "max_header_size"?: Anonymize<I4arjljr6dpflb>;
};
export type I9s0ave7t0vnrk = {
    "read": bigint;
    "write": bigint;
};
export type I4fo08joqmcqnm = {
    "spec_name": string;
    "impl_name": string;
    "authoring_version": number;
    "spec_version": number;
    "impl_version": number;
    "apis": Array<[SizedHex<8>, number]>;
    "transaction_version": number;
    "system_version": number;
};
export type Iaqet9jc3ihboe = {
    "header": Anonymize<Ic952bubvq4k7d>;
    "extrinsics": Anonymize<Itom7fk49o0c9>;
};
export type Ic952bubvq4k7d = {
    "parent_hash": SizedHex<32>;
    "number": number;
    "state_root": SizedHex<32>;
    "extrinsics_root": SizedHex<32>;
    "digest": Anonymize<I4mddgoa69c0a2>;
};
export type I2v50gu3s1aqk6 = AnonymousEnum<{
    "AllExtrinsics": undefined;
    "OnlyInherents": undefined;
}>;
export type Iepp4n6amfu6t5 = ResultPayload<Anonymize<I5hdt85fqhb812>, Anonymize<I5nrjkj9qumobs>>;
export type I5nrjkj9qumobs = AnonymousEnum<{
    "Invalid": Enum<{
        "Call": undefined;
        "Payment": undefined;
        "Future": undefined;
        "Stale": undefined;
        "BadProof": undefined;
        "AncientBirthBlock": undefined;
        "ExhaustsResources": undefined;
        "Custom": number;
        "BadMandatory": undefined;
        "MandatoryValidation": undefined;
        "BadSigner": undefined;
        "IndeterminateImplicit": undefined;
        "UnknownOrigin": undefined;
    }>;
    "Unknown": TransactionValidityUnknownTransaction;
}>;
export type TransactionValidityUnknownTransaction = Enum<{
    "CannotLookup": undefined;
    "NoUnsignedValidator": undefined;
    "Custom": number;
}>;
export declare const TransactionValidityUnknownTransaction: GetEnum<TransactionValidityUnknownTransaction>;
export type If7uv525tdvv7a = Array<[SizedHex<8>, Uint8Array]>;
export type I2an1fs2eiebjp = {
    "okay": boolean;
    "fatal_error": boolean;
    "errors": Anonymize<If7uv525tdvv7a>;
};
export type TransactionValidityTransactionSource = Enum<{
    "InBlock": undefined;
    "Local": undefined;
    "External": undefined;
}>;
export declare const TransactionValidityTransactionSource: GetEnum<TransactionValidityTransactionSource>;
export type I9ask1o4tfvcvs = ResultPayload<{
    "priority": bigint;
    "requires": Anonymize<Itom7fk49o0c9>;
    "provides": Anonymize<Itom7fk49o0c9>;
    "longevity": bigint;
    "propagate": boolean;
}, Anonymize<I5nrjkj9qumobs>>;
export type I4ph3d1eepnmr1 = {
    "keys": Uint8Array;
    "proof": Uint8Array;
};
export type Icerf8h8pdu8ss = (Array<[Uint8Array, SizedHex<4>]>) | undefined;
export type I6spmpef2c7svf = {
    "weight": Anonymize<I4q39t5hn830vp>;
    "class": DispatchClass;
    "partial_fee": bigint;
};
export type Iei2mvq0mjvt81 = {
    "inclusion_fee"?: ({
        "base_fee": bigint;
        "len_fee": bigint;
        "adjusted_weight_fee": bigint;
    }) | undefined;
    "tip": bigint;
};
export type I1d3e2h4cj36ac = {
    "ok": boolean;
    "txs_checked": bigint;
    "blocks_checked": bigint;
    "archive_records_checked": bigint;
    "next"?: (bigint) | undefined;
    "failures": Array<Enum<{
        "TxMissing": {
            "tx": bigint;
        };
        "TxCheck": {
            "tx": bigint;
        };
        "TxNotInBlock": {
            "tx": bigint;
        };
        "BlockMissing": {
            "height": bigint;
        };
        "HeaderCheck": {
            "height": bigint;
        };
        "MerkleRoot": {
            "height": bigint;
        };
        "ParentLink": {
            "height": bigint;
        };
        "ArchiveLink": {
            "seq": bigint;
        };
        "ArchiveVersionCheck": {
            "seq": bigint;
        };
        "LineageLength": {
            "tx": bigint;
        };
        "LineageMismatch": {
            "tx": bigint;
            "seq": bigint;
        };
    }>>;
    "truncated": boolean;
};
export type Ids4a50qp52734 = ResultPayload<Anonymize<Iafqnechp3omqg>, Anonymize<Id4dfehm7gnfcv>>;
export type Id4dfehm7gnfcv = AnonymousEnum<{
    "UnknownTx": undefined;
    "TooManyDescendants": undefined;
}>;
export type I5ml23kskunpim = ResultPayload<Array<{
    "seq": bigint;
    "hash": SizedHex<32>;
    "prev_hash": SizedHex<32>;
    "tx": bigint;
    "version": number;
    "uri": Uint8Array;
    "content_hash": SizedHex<32>;
    "refs": Anonymize<Iafqnechp3omqg>;
    "owner": SS58String;
    "ch": SizedHex<32>;
    "rand": SizedHex<64>;
    "reason": Anonymize<Icc8f5fv4ahi9s>;
    "block_number": bigint;
}>, Anonymize<Id4dfehm7gnfcv>>;
export type I5mdpqbachq35u = ResultPayload<{
    "tx": bigint;
    "owner": SS58String;
    "uri": Uint8Array;
    "refs": Anonymize<Iafqnechp3omqg>;
    "ch": SizedHex<32>;
    "rand": SizedHex<64>;
    "version": number;
    "height": bigint;
}, Anonymize<Id4dfehm7gnfcv>>;
export type Ie9sr1iqcg3cgm = ResultPayload<undefined, string>;
export type I1mqgk2tmnn9i2 = (string) | undefined;
export type I6lr8sctk0bi4e = Array<string>;
export {};
