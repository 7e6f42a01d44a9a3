/// The docpipe version, printed by `docpipe --version`.
public enum DocPipeVersion {
    public static let string = "0.1.0"
}
