/// What every byte permcheck prints passes on its way out (the CLI's `Console` calls it for stdout and stderr, in
/// every command and format): token-shaped text is hidden.
public enum OutputSafety {
    /// `bytes` made safe to print.
    public static func clean(_ bytes: [UInt8], keepingColor: Bool) -> [UInt8] {
        TokenScrubber.scrub(bytes)
    }
}
