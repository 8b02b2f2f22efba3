//! The experiment report: `report.json`, `results.csv`, `report.md` (tables shaped like
//! the paper's Tables III/IV) and hand-written SVG plots.

use crate::error::{Result, WorkerError};
use crate::unlearn::SkippedModel;
use crate::weights::LayerDistance;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// Methods in table order.
pub const METHODS: [&str; 4] = ["original", "retrain", "ga", "ga_repair"];

fn method_title(m: &str) -> &'static str {
	match m {
		"original" => "Original",
		"retrain" => "Re-training",
		"ga" => "Gradient ascent",
		_ => "GA + repair",
	}
}

/// One row of `results` (the fields every consumer may rely on).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ResultRow {
	/// Model id.
	pub model_id: String,
	/// `original`, `retrain`, `ga` or `ga_repair`.
	pub method: String,
	/// Accuracy on the forgotten training data.
	pub ad_f_train: f64,
	/// Accuracy on retained training data.
	pub ad_r_train: f64,
	/// Accuracy on forgotten classes, test split.
	pub ad_f_test: f64,
	/// Accuracy on retained classes, test split.
	pub ad_r_test: f64,
	/// Cumulative unlearning time of this model under this method (0 for `original`).
	pub seconds: f64,
}

/// Per-model extras: where it sits, its versions, MIA scores and weight distances.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ModelDetail {
	/// Model id.
	pub model_id: String,
	/// Owning user.
	pub owner: String,
	/// Longest path from a root.
	pub depth: usize,
	/// A start model of the request.
	pub is_start: bool,
	/// Σ_s c(s, y) (1 for start models).
	pub coefficient: f64,
	/// CID per method.
	pub cids: BTreeMap<String, String>,
	/// Membership-inference AUC per method.
	pub mia_auc: BTreeMap<String, f64>,
	/// ‖w_method − w_original‖₂ per method.
	pub l2_to_original: BTreeMap<String, f64>,
	/// ‖w_method − w_retrain‖₂ per method.
	pub l2_to_retrain: BTreeMap<String, f64>,
}

/// Wall-clock seconds of each phase.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct WallTimes {
	/// Training the whole DAG.
	pub train_dag: f64,
	/// Sequential paradigm (re-training).
	pub sequential: f64,
	/// Parallel paradigm (gradient ascent).
	pub parallel: f64,
	/// Parallel paradigm with repair.
	pub parallel_repair: f64,
	/// Evaluation and report.
	pub evaluation: f64,
	/// Everything.
	pub total: f64,
}

/// Layer-wise distances of one model (paper Fig. 5).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LayerDistances {
	/// Model id.
	pub model_id: String,
	/// Per method: distances to the original, per layer.
	pub to_original: BTreeMap<String, Vec<LayerDistance>>,
}

/// Everything `experiment` writes to `report.json`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Report {
	/// Data set name.
	pub dataset: String,
	/// Architecture name.
	pub model: String,
	/// Forgotten classes.
	pub forget_classes: Vec<u8>,
	/// Per (model, method) results.
	pub results: Vec<ResultRow>,
	/// Topology name.
	pub topology: String,
	/// Device used.
	pub device: String,
	/// Start models.
	pub start_models: Vec<String>,
	/// Models of the paper-shaped table.
	pub report_models: Vec<String>,
	/// α.
	pub alpha: f64,
	/// ε.
	pub epsilon: f64,
	/// Full data set or per-user subset.
	pub full_data: bool,
	/// Training samples per user (mean).
	pub train_samples_per_user: f64,
	/// Per-model details.
	pub models: Vec<ModelDetail>,
	/// Models the parallel paradigm left untouched (update norm ≤ ε).
	pub skipped: Vec<SkippedModel>,
	/// Phase wall times.
	pub wall_seconds: WallTimes,
	/// Layer-wise distances for one model.
	pub layer_distances: LayerDistances,
}

impl Report {
	fn row(&self, model: &str, method: &str) -> Option<&ResultRow> {
		self.results.iter().find(|r| r.model_id == model && r.method == method)
	}

	/// Writes every file of the report into `dir`.
	pub fn write(&self, dir: &Path) -> Result<()> {
		std::fs::create_dir_all(dir).map_err(|e| WorkerError::io(dir, e))?;
		let put = |name: &str, text: String| {
			let p = dir.join(name);
			std::fs::write(&p, text).map_err(|e| WorkerError::io(&p, e))
		};
		put("report.json", serde_json::to_string_pretty(self)?)?;
		put("results.csv", self.csv())?;
		put("report.md", self.markdown())?;
		put("accuracy.svg", self.accuracy_svg())?;
		put("time_vs_depth.svg", self.time_svg())?;
		put("weight_distance.svg", self.distance_svg())?;
		Ok(())
	}

	/// `results.csv`.
	pub fn csv(&self) -> String {
		let mut s = String::from("model_id,method,depth,is_start,ad_f_train,ad_r_train,ad_f_test,ad_r_test,seconds,mia_auc,l2_to_original\n");
		for r in &self.results {
			let d = self.models.iter().find(|m| m.model_id == r.model_id);
			let _ = writeln!(
				s,
				"{},{},{},{},{:.4},{:.4},{:.4},{:.4},{:.3},{:.4},{:.4}",
				r.model_id,
				r.method,
				d.map(|d| d.depth).unwrap_or(0),
				d.map(|d| d.is_start).unwrap_or(false),
				r.ad_f_train,
				r.ad_r_train,
				r.ad_f_test,
				r.ad_r_test,
				r.seconds,
				d.and_then(|d| d.mia_auc.get(&r.method)).copied().unwrap_or(f64::NAN),
				d.and_then(|d| d.l2_to_original.get(&r.method)).copied().unwrap_or(0.0),
			);
		}
		s
	}

	/// The paper-shaped table (Tables III/IV) plus a per-model detail table.
	pub fn markdown(&self) -> String {
		let pct = |v: f64| format!("{:.2}%", v * 100.0);
		let mut s = String::new();
		let _ = writeln!(
            s,
            "# Unlearning report: {} / {} / topology {}\n\nForgotten classes {:?}; start models {}; α = {}, ε = {}; device {}; {}.\n",
            self.dataset,
            self.model,
            self.topology,
            self.forget_classes,
            self.start_models.join(", "),
            self.alpha,
            self.epsilon,
            self.device,
            if self.full_data {
                "full data set".to_string()
            } else {
                format!("{:.0} training samples per user", self.train_samples_per_user)
            }
        );
		let ms = &self.report_models;
		let _ = writeln!(
			s,
			"## Unlearning performance (shape of the paper's Tables III/IV; training split)\n"
		);
		let mut header = String::from("| Model | #C_f | Metric |");
		let mut sep = String::from("|---|---|---|");
		for m in METHODS {
			for r in ms {
				let _ = write!(header, " {} {r} |", method_title(m));
				sep.push_str("---:|");
			}
		}
		for m in &METHODS[1..] {
			for r in ms {
				let _ = write!(header, " Time {} {r} (s) |", method_title(m));
				sep.push_str("---:|");
			}
		}
		let _ = writeln!(s, "{header}\n{sep}");
		for (metric, pick) in [("AD_r ↑", 0usize), ("AD_f ↓", 1usize)] {
			let mut line = if pick == 0 {
				format!("| {} | {} | {metric} |", self.model, self.forget_classes.len())
			} else {
				format!("| | | {metric} |")
			};
			for m in METHODS {
				for r in ms {
					let v =
						self.row(r, m).map(|x| if pick == 0 { x.ad_r_train } else { x.ad_f_train });
					let _ = write!(line, " {} |", v.map(pct).unwrap_or_else(|| "–".into()));
				}
			}
			for m in &METHODS[1..] {
				for r in ms {
					let cell = if pick == 0 {
						self.row(r, m)
							.map(|x| format!("{:.2}", x.seconds))
							.unwrap_or_else(|| "–".into())
					} else {
						String::new()
					};
					let _ = write!(line, " {cell} |");
				}
			}
			let _ = writeln!(s, "{line}");
		}
		let _ = writeln!(
            s,
            "\n## All affected models\n\n| Model | Depth | Start | Method | AD_f train | AD_r train | AD_f test | AD_r test | MIA AUC | ‖Δw‖ to original | ‖Δw‖ to re-trained | Cumulative time (s) |\n|---|---:|:---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
        );
		for d in &self.models {
			for m in METHODS {
				if let Some(r) = self.row(&d.model_id, m) {
					let _ = writeln!(
						s,
						"| {} | {} | {} | {} | {} | {} | {} | {} | {:.3} | {:.3} | {:.3} | {:.2} |",
						d.model_id,
						d.depth,
						if d.is_start { "✓" } else { "" },
						m,
						pct(r.ad_f_train),
						pct(r.ad_r_train),
						pct(r.ad_f_test),
						pct(r.ad_r_test),
						d.mia_auc.get(m).copied().unwrap_or(f64::NAN),
						d.l2_to_original.get(m).copied().unwrap_or(0.0),
						d.l2_to_retrain.get(m).copied().unwrap_or(0.0),
						r.seconds
					);
				}
			}
		}
		if !self.skipped.is_empty() {
			let _ = writeln!(s, "\n## Left untouched by the parallel paradigm (‖update‖ ≤ ε)\n\n| Model | Σ c(s,y) | ‖update‖ |\n|---|---:|---:|");
			for k in &self.skipped {
				let _ = writeln!(
					s,
					"| {} | {:.4} | {:.2e} |",
					k.model_id, k.coefficient, k.update_norm
				);
			}
		}
		let w = &self.wall_seconds;
		let _ = writeln!(
            s,
            "\n## Wall time\n\n| Phase | Seconds |\n|---|---:|\n| Train DAG | {:.2} |\n| Sequential (re-training) | {:.2} |\n| Parallel (gradient ascent) | {:.2} |\n| Parallel + repair | {:.2} |\n| Evaluation | {:.2} |\n| Total | {:.2} |",
            w.train_dag, w.sequential, w.parallel, w.parallel_repair, w.evaluation, w.total
        );
		s
	}

	fn affected(&self) -> Vec<&ModelDetail> {
		self.models.iter().collect()
	}

	/// Grouped bars of AD_r / AD_f (test split) per model and method.
	pub fn accuracy_svg(&self) -> String {
		let models = self.affected();
		let cats: Vec<String> = models.iter().map(|m| m.model_id.clone()).collect();
		let series = |f: fn(&ResultRow) -> f64| -> Vec<(String, Vec<f64>)> {
			METHODS
				.iter()
				.map(|m| {
					(
						method_title(m).to_string(),
						models
							.iter()
							.map(|d| self.row(&d.model_id, m).map(f).unwrap_or(0.0))
							.collect(),
					)
				})
				.collect()
		};
		let top =
			bar_chart("AD_r (retained classes, test) ↑", &cats, &series(|r| r.ad_r_test), 1.0, 0.0);
		let bottom = bar_chart(
			"AD_f (forgotten classes, test) ↓",
			&cats,
			&series(|r| r.ad_f_test),
			1.0,
			0.0,
		);
		svg_stack(&[top, bottom])
	}

	/// Cumulative unlearning time against depth, per method.
	pub fn time_svg(&self) -> String {
		let series: Vec<(String, Vec<(f64, f64)>)> = METHODS[1..]
			.iter()
			.map(|m| {
				let mut pts: Vec<(f64, f64)> = self
					.models
					.iter()
					.filter_map(|d| self.row(&d.model_id, m).map(|r| (d.depth as f64, r.seconds)))
					.collect();
				pts.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
				(method_title(m).to_string(), pts)
			})
			.collect();
		line_chart("Cumulative unlearning time vs depth", "depth in the DAG", "seconds", &series)
	}

	/// Layer-wise L2 distance to the original (top 10 layers by re-training distance).
	pub fn distance_svg(&self) -> String {
		let ld = &self.layer_distances;
		let retrain = ld.to_original.get("retrain").cloned().unwrap_or_default();
		let mut order: Vec<usize> = (0..retrain.len()).collect();
		order.sort_by(|&a, &b| retrain[b].l2.total_cmp(&retrain[a].l2));
		order.truncate(10);
		let cats: Vec<String> = order.iter().map(|&i| retrain[i].layer.clone()).collect();
		let series: Vec<(String, Vec<f64>)> = METHODS[1..]
			.iter()
			.map(|m| {
				let v = ld.to_original.get(*m).cloned().unwrap_or_default();
				(
					method_title(m).to_string(),
					order.iter().map(|&i| v.get(i).map(|d| d.l2).unwrap_or(0.0)).collect(),
				)
			})
			.collect();
		let max = series.iter().flat_map(|s| s.1.iter().copied()).fold(0.0, f64::max).max(1e-9);
		svg_stack(&[bar_chart(
			&format!("Layer-wise L2 distance to the original, {} (top-10 layers)", ld.model_id),
			&cats,
			&series,
			max * 1.1,
			35.0,
		)])
	}
}

const COLORS: [&str; 4] = ["#4c72b0", "#dd8452", "#55a467", "#c44e52"];
const W: f64 = 860.0;
const H: f64 = 340.0;

fn esc(s: &str) -> String {
	s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A bar chart as an SVG `<g>` of size W×H; `rotate` tilts the category labels.
fn bar_chart(
	title: &str,
	cats: &[String],
	series: &[(String, Vec<f64>)],
	ymax: f64,
	rotate: f64,
) -> String {
	let (left, right, top, bottom) = (60.0, 20.0, 40.0, if rotate > 0.0 { 110.0 } else { 50.0 });
	let pw = W - left - right;
	let ph = H - top - bottom;
	let mut g = String::new();
	let _ = write!(
		g,
		r#"<text x="{}" y="22" font-size="15" text-anchor="middle">{}</text>"#,
		W / 2.0,
		esc(title)
	);
	for i in 0..=4 {
		let v = ymax * i as f64 / 4.0;
		let y = top + ph - ph * i as f64 / 4.0;
		let _ = write!(
			g,
			r##"<line x1="{left}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="#ddd"/><text x="{}" y="{:.1}" font-size="11" text-anchor="end">{}</text>"##,
			left + pw,
			left - 6.0,
			y + 4.0,
			if ymax <= 1.0 { format!("{:.0}%", v * 100.0) } else { format!("{v:.2}") }
		);
	}
	let n = cats.len().max(1) as f64;
	let group = pw / n;
	let bw = group * 0.8 / series.len().max(1) as f64;
	for (ci, cat) in cats.iter().enumerate() {
		let gx = left + group * ci as f64 + group * 0.1;
		for (si, (_, vals)) in series.iter().enumerate() {
			let v = vals.get(ci).copied().unwrap_or(0.0).clamp(0.0, ymax);
			let h = ph * v / ymax;
			let _ = write!(
				g,
				r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}"/>"#,
				gx + bw * si as f64,
				top + ph - h,
				bw,
				h,
				COLORS[si % COLORS.len()]
			);
		}
		let cx = left + group * (ci as f64 + 0.5);
		let ly = top + ph + 16.0;
		let _ = write!(
			g,
			r#"<text x="{cx:.1}" y="{ly:.1}" font-size="11" text-anchor="{}" transform="rotate({rotate} {cx:.1} {ly:.1})">{}</text>"#,
			if rotate > 0.0 { "start" } else { "middle" },
			esc(cat)
		);
	}
	let _ = write!(
		g,
		r##"<line x1="{left}" x2="{left}" y1="{top}" y2="{}" stroke="#333"/>"##,
		top + ph
	);
	legend(&mut g, series.iter().map(|s| s.0.as_str()));
	g
}

fn legend<'a>(g: &mut String, names: impl Iterator<Item = &'a str>) {
	for (i, name) in names.enumerate() {
		let x = W - 170.0;
		let y = 40.0 + 16.0 * i as f64;
		let _ = write!(
			g,
			r#"<rect x="{x}" y="{}" width="10" height="10" fill="{}"/><text x="{}" y="{}" font-size="11">{}</text>"#,
			y - 9.0,
			COLORS[i % COLORS.len()],
			x + 14.0,
			y,
			esc(name)
		);
	}
}

fn line_chart(
	title: &str,
	xlabel: &str,
	ylabel: &str,
	series: &[(String, Vec<(f64, f64)>)],
) -> String {
	let (left, right, top, bottom) = (60.0, 20.0, 40.0, 50.0);
	let pw = W - left - right;
	let ph = H - top - bottom;
	let pts = series.iter().flat_map(|s| s.1.iter());
	let xmax = pts.clone().map(|p| p.0).fold(1.0, f64::max);
	let ymax = pts.map(|p| p.1).fold(1e-9, f64::max) * 1.1;
	let sx = |x: f64| left + pw * x / xmax;
	let sy = |y: f64| top + ph - ph * y / ymax;
	let mut g = String::new();
	let _ = write!(
		g,
		r#"<text x="{}" y="22" font-size="15" text-anchor="middle">{}</text>"#,
		W / 2.0,
		esc(title)
	);
	for i in 0..=4 {
		let v = ymax * i as f64 / 4.0;
		let _ = write!(
			g,
			r##"<line x1="{left}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="#ddd"/><text x="{}" y="{:.1}" font-size="11" text-anchor="end">{v:.1}</text>"##,
			left + pw,
			left - 6.0,
			sy(v) + 4.0,
			y = sy(v)
		);
	}
	for d in 0..=(xmax as usize) {
		let _ = write!(
			g,
			r#"<text x="{:.1}" y="{}" font-size="11" text-anchor="middle">{d}</text>"#,
			sx(d as f64),
			top + ph + 16.0
		);
	}
	let _ = write!(
		g,
		r#"<text x="{}" y="{}" font-size="12" text-anchor="middle">{}</text><text x="14" y="{}" font-size="12" transform="rotate(-90 14 {})" text-anchor="middle">{}</text>"#,
		left + pw / 2.0,
		H - 10.0,
		esc(xlabel),
		top + ph / 2.0,
		top + ph / 2.0,
		esc(ylabel)
	);
	for (si, (_, pts)) in series.iter().enumerate() {
		let c = COLORS[si % COLORS.len()];
		let path: Vec<String> =
			pts.iter().map(|&(x, y)| format!("{:.1},{:.1}", sx(x), sy(y))).collect();
		let _ = write!(
			g,
			r#"<polyline fill="none" stroke="{c}" stroke-width="2" points="{}"/>"#,
			path.join(" ")
		);
		for &(x, y) in pts {
			let _ =
				write!(g, r#"<circle cx="{:.1}" cy="{:.1}" r="3.5" fill="{c}"/>"#, sx(x), sy(y));
		}
	}
	legend(&mut g, series.iter().map(|s| s.0.as_str()));
	svg_stack(&[g])
}

fn svg_stack(parts: &[String]) -> String {
	let mut s = format!(
		r#"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{}" viewBox="0 0 {W} {}" font-family="sans-serif">"#,
		H * parts.len() as f64,
		H * parts.len() as f64
	);
	s.push_str(r#"<rect width="100%" height="100%" fill="white"/>"#);
	for (i, p) in parts.iter().enumerate() {
		let _ = write!(s, r#"<g transform="translate(0 {})">{p}</g>"#, H * i as f64);
	}
	s.push_str("</svg>\n");
	s
}
