//! A chain that does not finalize cannot certify models: these tests start real nodes and
//! wait, through RPC, until blocks are finalized — one `--dev` node alone, and three of the
//! four `--chain local` validators (Alice, Bob, Charlie bootstrapping from Alice; Dave
//! down), which GRANDPA must tolerate.
//! Every node is killed when its guard drops, also when an assertion fails.

mod common;

use common::{peer_id_of, Node};
use serde_json::json;
use std::time::Duration;

const START: Duration = Duration::from_secs(180);
const FINALITY: Duration = Duration::from_secs(180);

#[test]
fn dev_node_produces_and_finalizes_blocks() {
	let mut node = Node::start("dev", &["--dev"]);
	node.wait_for_rpc(START);
	let chain = node.rpc("system_chain", json!([])).expect("system_chain");
	assert_eq!(chain, json!("BlockFUL Development"));
	let finalized = node.wait_for_finalized(3, FINALITY);
	assert!(finalized >= 3);
	assert!(node.best_number().expect("best") >= finalized);
	// The blockful_* RPC methods answer on a fresh chain: intact, and typed errors.
	let report = node.rpc("blockful_verifyLiveChain", json!([])).expect("verifyLiveChain");
	assert_eq!(report["ok"], json!(true), "{report}");
	let unknown = node.rpc("blockful_liveModel", json!([42])).expect_err("tx 42 does not exist");
	assert!(unknown.contains("\"code\":2"), "unknown tx has error code 2: {unknown}");
	let lineage = node.rpc("blockful_lineage", json!([42])).expect_err("tx 42 has no lineage");
	assert!(lineage.contains("\"code\":2"), "{lineage}");
	let descendants = node.rpc("blockful_descendants", json!([0])).expect_err("tx 0 does not exist");
	assert!(descendants.contains("\"code\":2"), "{descendants}");
	assert!(node.stop(), "the dev node did not stop on SIGTERM");
}

#[test]
fn three_of_four_local_validators_finalize() {
	let alice_key = "0000000000000000000000000000000000000000000000000000000000000001";
	let bob_key = "0000000000000000000000000000000000000000000000000000000000000002";
	let charlie_key = "0000000000000000000000000000000000000000000000000000000000000003";
	let alice_peer = peer_id_of(alice_key);
	let mut alice =
		Node::start("alice", &["--chain", "local", "--alice", "--node-key", alice_key]);
	let bootnode = format!("/ip4/127.0.0.1/tcp/{}/p2p/{alice_peer}", alice.p2p_port);
	let mut bob = Node::start(
		"bob",
		&["--chain", "local", "--bob", "--node-key", bob_key, "--bootnodes", &bootnode],
	);
	let mut charlie = Node::start(
		"charlie",
		&["--chain", "local", "--charlie", "--node-key", charlie_key, "--bootnodes", &bootnode],
	);
	alice.wait_for_rpc(START);
	bob.wait_for_rpc(START);
	charlie.wait_for_rpc(START);
	// The local chain has four authorities; Dave stays down. GRANDPA needs more than 2/3
	// of them, so finality with three proves they are connected and that one fault is
	// tolerated.
	let f_alice = alice.wait_for_finalized(3, FINALITY);
	let f_bob = bob.wait_for_finalized(3, FINALITY);
	let f_charlie = charlie.wait_for_finalized(3, FINALITY);
	assert!(f_alice >= 3 && f_bob >= 3 && f_charlie >= 3);
	let peers = alice.rpc("system_peers", json!([])).expect("system_peers");
	assert_eq!(peers.as_array().map(Vec::len), Some(2), "alice sees bob and charlie");
	assert!(charlie.stop());
	assert!(bob.stop());
	assert!(alice.stop());
}
