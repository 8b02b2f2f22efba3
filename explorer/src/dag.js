// The model DAG in cytoscape: one node per live model transaction, an edge from every model
// it aggregated (its refs). Layered layout: a model sits one column right of its deepest
// parent, so inheritance reads left to right.
import cytoscape from 'cytoscape';

export const COLORS = {
	start: '#dc2626', affected: '#f59e0b', redacted: '#111827', fail: '#dc2626', select: '#2563eb', edge: '#cbd5e1',
};

const STYLE = [
	{ selector: 'node', style: {
		'background-color': 'data(color)', label: 'data(label)', 'text-wrap': 'wrap', 'text-valign': 'center',
		'text-halign': 'center', color: '#ffffff', 'font-size': 11, 'font-weight': 600, width: 46, height: 46,
		'border-width': 2, 'border-color': '#475569', 'text-outline-width': 1, 'text-outline-color': 'data(color)',
	} },
	{ selector: 'node.redacted', style: { shape: 'round-rectangle', 'border-style': 'double', 'border-width': 6, 'border-color': COLORS.redacted } },
	{ selector: 'node.affected', style: { 'border-color': COLORS.affected, 'border-width': 6 } },
	{ selector: 'node.start', style: { 'border-color': COLORS.start, 'border-width': 7 } },
	{ selector: 'node.fail', style: { 'background-color': COLORS.fail, 'text-outline-color': COLORS.fail } },
	{ selector: 'node.selected', style: { 'underlay-color': COLORS.select, 'underlay-opacity': 0.35, 'underlay-padding': 9, 'underlay-shape': 'ellipse' } },
	{ selector: 'edge', style: {
		width: 2, 'line-color': COLORS.edge, 'target-arrow-shape': 'triangle', 'target-arrow-color': COLORS.edge,
		'curve-style': 'bezier', 'arrow-scale': 1.1,
	} },
	{ selector: 'edge.affected', style: { 'line-color': COLORS.affected, 'target-arrow-color': COLORS.affected, width: 3 } },
];

/** Column of every model: 0 for roots, else 1 + the deepest parent's column. */
function layers(models) {
	const depth = new Map();
	const ids = [...models.keys()].sort((a, b) => a - b);
	for (const id of ids) {
		const refs = models.get(id).refs.filter((r) => models.has(r));
		depth.set(id, refs.length ? 1 + Math.max(...refs.map((r) => depth.get(r) ?? 0)) : 0);
	}
	return depth;
}

export function createDag(container, { onSelect }) {
	const cy = cytoscape({
		container, style: STYLE, layout: { name: 'preset' }, minZoom: 0.2, maxZoom: 2.5,
		boxSelectionEnabled: false, autoungrabify: true, autounselectify: true,
	});
	let shape = '';
	cy.on('tap', 'node', (evt) => onSelect(Number(evt.target.data('tx'))));

	/**
	 * models: Map tx -> { tx, refs, version, owner }; view: { colorOf(owner), labelOf(owner),
	 * start: Set, affected: Set, failing: Set, selected: tx | null }.
	 */
	function update(models, view) {
		const depth = layers(models);
		const columns = new Map();
		for (const [id, d] of depth) columns.set(d, [...(columns.get(d) ?? []), id]);
		const pos = new Map();
		for (const [d, ids] of columns) {
			ids.sort((a, b) => a - b).forEach((id, i) => pos.set(id, { x: d * 150, y: (i - (ids.length - 1) / 2) * 82 }));
		}
		const want = new Set();
		cy.batch(() => {
			for (const m of models.values()) {
				const id = `m${m.tx}`;
				want.add(id);
				const classes = [
					m.version > 0 ? 'redacted' : '', view.affected.has(m.tx) ? 'affected' : '', view.start.has(m.tx) ? 'start' : '',
					view.failing.has(m.tx) ? 'fail' : '', view.selected === m.tx ? 'selected' : '',
				].filter(Boolean).join(' ');
				const data = { id, tx: m.tx, color: view.colorOf(m.owner), version: m.version, owner: view.labelOf(m.owner),
					label: `#${m.tx}${view.failing.has(m.tx) ? ' ✗' : ''}\nv${m.version}` };
				let node = cy.getElementById(id);
				if (node.empty()) node = cy.add({ group: 'nodes', data, position: pos.get(m.tx) });
				else { node.data(data); node.position(pos.get(m.tx)); }
				node.classes(classes);
			}
			// Edges after all nodes: storage order is not id order.
			for (const m of models.values()) {
				const id = `m${m.tx}`;
				for (const r of m.refs) {
					if (!models.has(r)) continue;
					const eid = `e${r}-${m.tx}`;
					want.add(eid);
					let edge = cy.getElementById(eid);
					if (edge.empty()) edge = cy.add({ group: 'edges', data: { id: eid, source: `m${r}`, target: id } });
					edge.classes(view.affected.has(r) && view.affected.has(m.tx) ? 'affected' : '');
				}
			}
			cy.elements().filter((el) => !want.has(el.id())).remove();
		});
		const newShape = [...want].sort().join(',');
		if (newShape !== shape) { shape = newShape; fit(); }
	}

	function fit() {
		cy.resize();
		cy.fit(undefined, 36);
		if (cy.zoom() > 1.3) { cy.zoom(1.3); cy.center(); }
	}

	return { cy, update, fit };
}
