export declare const Blockful: Record<string, object>;
