//! Make the worker binary find libtorch at run time and load its CUDA kernels when present.
//!
//! torch-sys exports the libtorch library directory to crates that depend on it directly
//! (`links = "tch"` → `DEP_TCH_LIBTORCH_LIB`). Without an rpath the binary would need
//! `LD_LIBRARY_PATH`; without `--no-as-needed` the linker drops `libtorch.so` (no symbol is
//! referenced directly) and CUDA devices never register.

fn main() {
	println!("cargo:rerun-if-env-changed=DEP_TCH_LIBTORCH_LIB");
	if let Ok(lib_dir) = std::env::var("DEP_TCH_LIBTORCH_LIB") {
		println!("cargo:rustc-link-arg=-Wl,-rpath={lib_dir}");
		println!("cargo:rustc-link-arg=-Wl,--no-as-needed");
		println!("cargo:rustc-link-arg=-ltorch");
	}
}
