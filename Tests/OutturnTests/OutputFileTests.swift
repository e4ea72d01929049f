import Foundation
import Outturn
import Testing

@Suite("Output files")
struct OutputFileTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("outturn-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("refuses an input reached through '..' or a symbolic link, and leaves it untouched")
    func refusesInputs() throws {
        let folder = try OutputFileTests.folder()
        let ledger = folder.appendingPathComponent("ledger.csv")
        try Data("line,year,budget,actual\n".utf8).write(to: ledger)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let link = folder.appendingPathComponent("link.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: ledger)
        for target in [folder.path + "/sub/../ledger.csv", link.path] {
            #expect(throws: OutputError.self) {
                try OutputFile.write("oops", to: target, refusingToOverwrite: [ledger.path])
            }
        }
        #expect(try String(contentsOf: ledger, encoding: .utf8) == "line,year,budget,actual\n")
    }

    @Test("writes the whole text and replaces an earlier output; an unwritable folder is an error")
    func writes() throws {
        let folder = try OutputFileTests.folder()
        let out = folder.appendingPathComponent("report.csv")
        try OutputFile.write("first\n", to: out.path, refusingToOverwrite: [])
        try OutputFile.write("second\n", to: out.path, refusingToOverwrite: [])
        #expect(try String(contentsOf: out, encoding: .utf8) == "second\n")
        #expect(throws: OutputError.self) {
            try OutputFile.write("x", to: folder.path + "/missing/report.csv", refusingToOverwrite: [])
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "report.csv" }
        #expect(leftovers.isEmpty)
    }
}
