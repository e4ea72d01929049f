import Foundation
import Testing
import _TestSupport
@testable import Outturn
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every failure about where a report goes is an ``OutputError`` naming the output as the user
/// gave it, never an ``InputError`` (issue 13, item 9); a problem in an input stays an InputError.
@Suite("Output errors")
struct OutputErrorTests {
    /// The error `body` throws, or nil when it throws none.
    static func error(_ body: () throws -> Void) -> (any Error)? {
        do { try body(); return nil } catch { return error }
    }

    /// A fresh folder holding `ledger.csv` (an input with known text).
    static func folderWithInput() throws -> (folder: URL, input: String) {
        let folder = try ExternalTools.temporaryFolder()
        let input = folder.appendingPathComponent("ledger.csv").path
        try Data("line,year,budget,actual\n".utf8).write(to: URL(fileURLWithPath: input))
        return (folder, input)
    }

    @Test("an output over an input is an OutputError naming the output, and the input is untouched")
    func overwritingAnInput() throws {
        let (folder, input) = try Self.folderWithInput()
        defer { try? FileManager.default.removeItem(at: folder) }
        let named = folder.path + "/./ledger.csv"
        let thrown = Self.error { try OutputFile.write("oops", to: named, refusingToOverwrite: [input]) }
        #expect(thrown as? OutputError == OutputError(file: named, message: "refusing to overwrite the input file '\(input)'",
                                                       hint: "choose a different --output file"))
        #expect(try String(contentsOfFile: input, encoding: .utf8) == "line,year,budget,actual\n")
    }

    @Test("a folder as the output is an OutputError naming it")
    func folderAsOutput() throws {
        let folder = try ExternalTools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let thrown = Self.error { _ = try OutputFile.open(folder.path, refusingToOverwrite: []) }
        let error = try #require(thrown as? OutputError)
        #expect(error.file == folder.path)
        #expect(error.message == "refusing to replace a folder with a report")
    }

    @Test("an output in a folder that does not exist is an OutputError naming the output")
    func missingFolder() throws {
        let folder = try ExternalTools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/missing/report.csv"
        let thrown = Self.error { try OutputFile.write("x", to: path, refusingToOverwrite: []) }
        let error = try #require(thrown as? OutputError)
        #expect(error.file == path)
        #expect(error.message.hasPrefix("cannot write the output file: No such file or directory"))
    }

    @Test("a full disk (/dev/full, ENOSPC) is an OutputError naming the output, with the disk-full hint")
    func diskFull() throws {
        let descriptor = open("/dev/full", O_WRONLY | O_CLOEXEC)
        try #require(descriptor >= 0, "no /dev/full on this system")
        defer { close(descriptor) }
        let sink = FileHandleSink(descriptor: descriptor, name: "report.csv")
        try sink.write("some rows\n")  // buffered: nothing reaches the device yet
        let thrown = Self.error { try sink.flush() }
        #expect(thrown as? OutputError == OutputError(file: "report.csv", message: "cannot write the output: No space left on device",
                                                       hint: "the disk is full: free some space or write the report elsewhere"))
    }

    @Test("a workbook past Excel's column limit, and a workbook over an input, are OutputErrors naming the output")
    func workbook() throws {
        let (folder, input) = try Self.folderWithInput()
        defer { try? FileManager.default.removeItem(at: folder) }
        let columns = (0...Workbook.maxColumns).map { "c\($0)" }
        let wide = Workbook(title: "t", sheets: [.init(name: "Wide", table: DocumentTable(title: "", columns: columns, rows: []))])
        let path = folder.appendingPathComponent("wide.xlsx").path
        let tooLarge = Self.error { try wide.write(to: path, refusingToOverwrite: [input]) }
        let error = try #require(tooLarge as? OutputError)
        #expect(error.file == path)
        #expect(error.message == Workbook.TooLarge(sheet: "Wide", rows: 1, columns: Workbook.maxColumns + 1).description)
        #expect(!FileManager.default.fileExists(atPath: path))

        let small = Workbook(title: "t", sheets: [.init(name: "S", table: DocumentTable(title: "", columns: ["c"], rows: []))])
        let overInput = Self.error { try small.write(to: input, refusingToOverwrite: [input]) }
        #expect((overInput as? OutputError)?.file == input)
        #expect(try String(contentsOfFile: input, encoding: .utf8) == "line,year,budget,actual\n")
    }

    @Test("a bad ledger is still an InputError, with its line")
    func inputStaysInputError() throws {
        let thrown = Self.error { _ = try Ledger(csv: "line,year,budget,actual\nA,2021/22,abc,1\n", fileName: "l.csv") }
        let error = try #require(thrown as? InputError)
        #expect(error.file == "l.csv" && error.line == 2)
        #expect(!(thrown is OutputError))
    }

    @Test("an OutputError prints as an InputError without a line would, escaped the same way")
    func printsLikeAnInputError() {
        for (file, message, hint) in [("out.csv", "cannot write the output: No space left on device", "free some space"),
                                      ("bad\u{1B}[31m.csv", "refusing to overwrite the input file 'x'", nil)] as [(String, String, String?)] {
            #expect(OutputError(file: file, message: message, hint: hint).description
                    == InputError(file: file, line: nil, message: message, hint: hint).description)
        }
        #expect(OutputError(file: "o.csv", message: "m", hint: "h").description == "o.csv: m\n  hint: h")
    }
}
