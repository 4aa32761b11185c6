/// permcheck's core library.
///
/// The pipeline has four stages, each returning its own value type:
/// **decode** (`AccessToken`) → **gather evidence** (`Evidence`) → **evaluate** (`Diagnosis`) → **render** (`String`).
/// Every stage but the first and last is a pure function; I/O stays in the `permcheck` executable.
public enum Permcheck {
    /// The version printed by `permcheck --version`.
    public static let version = "0.1.0"
}
