// The BlockFUL chameleon hash in JavaScript: one definition, in e2e/js/chameleon.js, shared
// by the polkadot.js test, the explorer test and these network tests.
export * from '../../../e2e/js/chameleon.js';
