import { default as blockful, type BlockfulWhitelistEntry } from "./blockful";
export { blockful };
export type * from "./blockful";
export { DigestItem, Phase, DispatchClass, TokenError, ArithmeticError, TransactionalError, GrandpaEvent, BalanceStatus, TransactionPaymentEvent, GrandpaStoredState, BalancesTypesReasons, TransactionPaymentReleases, GrandpaEquivocation, MultiAddress, BalancesAdjustmentDirection, TransactionValidityUnknownTransaction, TransactionValidityTransactionSource } from './common-types';
export declare const getMetadata: (codeHash: string) => Promise<Uint8Array | null>;
export type WhitelistEntry = BlockfulWhitelistEntry;
export type WhitelistEntriesByChain = Partial<{
    "*": WhitelistEntry[];
    blockful: WhitelistEntry[];
}>;
