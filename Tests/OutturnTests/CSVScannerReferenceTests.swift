import Foundation
@testable import Outturn
import Testing
import _TestSupport

/// The byte scanner against the String-based reader it replaced (the record loop of
/// CSVRowReader before issue 12, kept here verbatim as the reference): on random inputs over the
/// dialect's awkward bytes, both give the same records, lines and fields, or the same first error.
@Suite("CSV byte scanner against the reader it replaced")
struct CSVScannerReferenceTests {
    enum Outcome: Equatable {
        case record(line: Int, fields: [String])
        case failure(line: Int?, message: String)
    }

    /// The pre-issue-12 record loop, on bytes in memory.
    struct Reference {
        let bytes: [UInt8]
        var position = 0
        var line = 1

        mutating func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

        func string(_ bytes: [UInt8], recordLine: Int) throws -> String {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw InputError(file: "x", line: recordLine, message: "the file is not UTF-8 text", hint: nil)
            }
            return text
        }

        mutating func nextRecord() throws -> CSVTable.Row? {
            while true {
                guard peek() != nil else { return nil }
                var fields: [String] = []
                var field: [UInt8] = []
                let recordLine = line
                var inQuotes = false
                var afterClosingQuote = false
                var fieldStarted = false
                func isBlank(_ bytes: [UInt8]) -> Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
                recordLoop: while let byte = peek() {
                    position += 1
                    if inQuotes {
                        if byte == UInt8(ascii: "\"") {
                            if peek() == UInt8(ascii: "\"") {
                                position += 1
                                field.append(byte)
                            } else {
                                inQuotes = false
                                afterClosingQuote = true
                            }
                        } else {
                            if byte == 0x0A { line += 1 }
                            field.append(byte)
                        }
                        continue
                    }
                    switch byte {
                    case UInt8(ascii: ","):
                        fields.append(try string(field, recordLine: recordLine))
                        field.removeAll(keepingCapacity: true)
                        fieldStarted = true
                        afterClosingQuote = false
                    case 0x0D, 0x0A:
                        if byte == 0x0D, peek() == 0x0A { position += 1 }
                        line += 1
                        break recordLoop
                    case UInt8(ascii: "\""):
                        if isBlank(field) && !afterClosingQuote {
                            field.removeAll(keepingCapacity: true)
                            inQuotes = true
                            fieldStarted = true
                        } else {
                            throw InputError(file: "x", line: line, message: "a quote (\") in the middle of field \(fields.count + 1)", hint: nil)
                        }
                    default:
                        if afterClosingQuote {
                            if byte == 0x20 || byte == 0x09 { continue }
                            throw InputError(file: "x", line: line, message: "text after the closing quote of field \(fields.count + 1)", hint: nil)
                        }
                        field.append(byte)
                        fieldStarted = true
                    }
                }
                if inQuotes {
                    throw InputError(file: "x", line: recordLine, message: "a quoted field is never closed", hint: nil)
                }
                fields.append(try string(field, recordLine: recordLine))
                if fields.count == 1 && fields[0].isEmpty && !fieldStarted { continue }
                return CSVTable.Row(line: recordLine, fields: fields)
            }
        }
    }

    static func referenceOutcomes(_ bytes: [UInt8]) -> [Outcome] {
        var reader = Reference(bytes: bytes)
        var outcomes: [Outcome] = []
        do {
            while let row = try reader.nextRecord() { outcomes.append(.record(line: row.line, fields: row.fields)) }
        } catch let error as InputError {
            outcomes.append(.failure(line: error.line, message: error.message))
        } catch {}
        return outcomes
    }

    static func scannerOutcomes(_ bytes: [UInt8]) -> [Outcome] {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(fileName: "x", base: buffer.baseAddress, position: 0, end: buffer.count, line: 1)
            var outcomes: [Outcome] = []
            do {
                while try scanner.nextRecord() {
                    outcomes.append(.record(line: scanner.recordLine, fields: (0..<scanner.fieldCount).map { scanner.string($0) }))
                }
            } catch let error as InputError {
                outcomes.append(.failure(line: error.line, message: error.message))
            } catch {}
            return outcomes
        }
    }

    @Test("200,000 random inputs over quotes, commas, blanks, CR, LF and non-UTF-8 bytes read the same")
    func randomInputsAgree() {
        var generator = SeededGenerator(seed: 1212)
        // a, comma, quote, LF, CR, space, tab, é (2 bytes), a lone continuation byte, 0xFF.
        let pieces: [[UInt8]] = [[0x61], [0x2C], [0x22], [0x0A], [0x0D], [0x20], [0x09], [0xC3, 0xA9], [0xA9], [0xFF], [0x62, 0x63]]
        let weights = [6, 5, 5, 3, 2, 2, 1, 1, 1, 1, 4]
        let total = weights.reduce(0, +)
        var disagreements: [String] = []
        for _ in 0..<200_000 {
            var bytes: [UInt8] = []
            let length = Int(generator.next() % 24)
            for _ in 0..<length {
                var pick = Int(generator.next() % UInt64(total))
                var k = 0
                while pick >= weights[k] { pick -= weights[k]; k += 1 }
                bytes += pieces[k]
            }
            let expected = CSVScannerReferenceTests.referenceOutcomes(bytes)
            let found = CSVScannerReferenceTests.scannerOutcomes(bytes)
            if expected != found, disagreements.count < 5 {
                disagreements.append("\(bytes): \(found) vs \(expected)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements)")
    }
}
