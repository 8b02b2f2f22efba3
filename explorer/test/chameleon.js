// The BlockFUL chameleon hash in JavaScript (hash, verify, collisions under the public
// development trapdoor): one definition, in e2e/js/chameleon.js, shared by the polkadot.js
// test, this browser test and the zombienet tests.
export * from '../../e2e/js/chameleon.js';
