import Crypto
import Foundation

/// What produced a report, so that it can be traced and reproduced: the planner version, the
/// command, the scenario file, the SHA-256 of every input file, every resolved assumption, the
/// seed and the run date. One value for every command that writes a report (forecast, variance,
/// compare, evaluate, monitor): inside every report (JSON's `run`, the table's and Markdown's footer,
/// the page's audit trail, the workbook's Run sheet; RunRecord+Rendering.swift) and beside
/// `--output FILE` as `FILE.run.json` (`sidecarPath(for:)`), which is CSV's only record.
public struct RunRecord: Sendable, Equatable {
    /// One input file and its digest.
    package struct InputFile: Sendable, Equatable {
        /// What the file is to the run: `scenario`, `ledger`, `activity`, `budgets`, `history`.
        package var role: String
        /// The path as given (relative to the working directory), or `bundled:NAME` for bundled data.
        package var path: String
        /// Its size in bytes.
        package var bytes: Int
        /// SHA-256 of its bytes, 64 lowercase hex digits.
        package var sha256: String

        /// `path` (`role`), `bytes` long, with digest `sha256`.
        package init(role: String, path: String, bytes: Int, sha256: String) {
            self.role = role
            self.path = path
            self.bytes = bytes
            self.sha256 = sha256
        }
    }

    /// One resolved assumption, as the report states it (`inflation` = `3%`).
    package struct Assumption: Sendable, Equatable {
        /// The scenario key (`inflation`, `materiality.amount`).
        package var name: String
        /// Its value as written in reports.
        package var value: String

        /// Assumption `name` = `value`.
        package init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The planner's version (`0.1.0`).
    package var plannerVersion: String
    /// The command (`forecast`).
    package var command: String
    /// The scenario file (`bundled:scenario-2022-23.yaml` for the bundled one), nil when the command has none.
    package var scenarioFile: String?
    /// Every input file read, in the order read.
    package var inputs: [InputFile]
    /// Every assumption the run used, defaults filled in.
    package var assumptions: [Assumption]
    /// The seed of the joint simulation, nil when the command draws nothing.
    package var seed: UInt64?
    /// When the run happened, UTC, ISO 8601 (`2026-11-30T12:00:00Z`); see ``runDate(environment:now:)``.
    package var runDate: String

    /// A record of `command` (no inputs or assumptions yet).
    package init(plannerVersion: String, command: String, scenarioFile: String? = nil, inputs: [InputFile] = [],
                assumptions: [Assumption] = [], seed: UInt64? = nil, runDate: String) {
        self.plannerVersion = plannerVersion
        self.command = command
        self.scenarioFile = scenarioFile
        self.inputs = inputs
        self.assumptions = assumptions
        self.seed = seed
        self.runDate = runDate
    }

    /// The run date: `OUTTURN_RUN_DATE` from `environment` when set (so that reports are
    /// reproducible byte for byte), else `now`, both as ISO 8601 UTC to the second.
    /// - Throws: ``InputError`` when `OUTTURN_RUN_DATE` is not `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ`.
    package static func runDate(environment: [String: String] = ProcessInfo.processInfo.environment,
                               now: Date = Date()) throws -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        guard let text = environment["OUTTURN_RUN_DATE"] else { return formatter.string(from: now) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = formatter.date(from: trimmed) { return formatter.string(from: date) }
        if let date = formatter.date(from: trimmed + "T00:00:00Z"), trimmed.utf8.count == 10 { return formatter.string(from: date) }
        throw InputError(file: "OUTTURN_RUN_DATE", line: nil, message: "'\(InputError.echo(text))' is not a date",
                         hint: "write it as 2026-11-30 or 2026-11-30T12:00:00Z (UTC)")
    }

    /// The SHA-256 and size of the file at `path`, read in 1 MiB pieces.
    /// - Throws: ``InputError`` if it cannot be read.
    package static func digest(ofFileAt path: String, role: String) throws -> InputFile {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(file: path, line: nil, message: "cannot read the file to record its SHA-256", hint: nil)
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var bytes = 0
        while true {
            let piece = try handle.read(upToCount: 1 << 20) ?? Data()
            if piece.isEmpty { break }
            hasher.update(data: piece)
            bytes += piece.count
        }
        return InputFile(role: role, path: path, bytes: bytes, sha256: hex(hasher.finalize()))
    }

    /// The SHA-256 and size of `text` (bundled data), recorded as `bundled:NAME`.
    package static func digest(ofText text: String, name: String, role: String) -> InputFile {
        let data = Data(text.utf8)
        return InputFile(role: role, path: "bundled:\(name)", bytes: data.count, sha256: hex(SHA256.hash(data: data)))
    }

    private static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for byte in digest { out += [digits[Int(byte >> 4)], digits[Int(byte & 15)]] }
        return String(decoding: out, as: UTF8.self)
    }

    /// `forecast.csv` → `forecast.run.json`; `report` → `report.run.json`: the record beside an output file.
    package static func sidecarPath(for output: String) -> String {
        let directory = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
        let stem = dot.map { String(name[..<$0]) } ?? name
        return directory.isEmpty ? "\(stem).run.json" : (directory as NSString).appendingPathComponent("\(stem).run.json")
    }

    /// The record as a JSON object (the `run` object): keys `planner`, `command`, `scenario`,
    /// `inputs` [{`role`, `path`, `bytes`, `sha256`}], `assumptions` {name: value}, `seed`, `runDate`.
    package var json: JSONValue {
        .object([("planner", .string(plannerVersion)), ("command", .string(command)),
                 ("scenario", scenarioFile.map(JSONValue.string) ?? .null),
                 ("inputs", .array(inputs.map {
                     .object([("role", .string($0.role)), ("path", .string($0.path)), ("bytes", .number(String($0.bytes))),
                              ("sha256", .string($0.sha256))])
                 })),
                 ("assumptions", .object(assumptions.map { ($0.name, .string($0.value)) })),
                 ("seed", seed.map { .number(String($0)) } ?? .null),
                 ("runDate", .string(runDate))])
    }

    /// The JSON text of the record (the `run` object), pretty-printed, with a final newline.
    package var jsonText: String { json.rendered() }
}
