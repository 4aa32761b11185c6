import Foundation
import PermcheckCore

// The only place that prints errors and exits. Commands return an exit code or throw a PermcheckError.
Console.prepareProcess()
let console = Console.standard()
let code: Int32
do {
    code = try CLI.run(Array(CommandLine.arguments.dropFirst()), console: console)
} catch {
    console.err("\(ConsoleStyle(color: console.errorColorEnabled).errorPrefix) \(error.message)\n")
    code = error.exitCode
}
exit(code)
