import Foundation

/// Somewhere a report is written piece by piece: standard output, a file, or a string.
public protocol ReportSink: AnyObject {
    /// Appends `text`.
    /// - Throws: ``InputError`` if it cannot be written.
    func write(_ text: String) throws
    /// Appends `bytes` (a binary report: the workbook).
    /// - Throws: ``InputError`` if it cannot be written.
    func write(bytes: Data) throws
}

/// Collects a report in memory (for tests and small reports).
public final class StringSink: ReportSink {
    /// Everything written so far, as bytes.
    public private(set) var data = Data()
    /// Everything written so far, as UTF-8 text.
    public var text: String { String(decoding: data, as: UTF8.self) }

    public init() {}

    public func write(_ text: String) throws { data.append(contentsOf: text.utf8) }

    public func write(bytes: Data) throws { data.append(bytes) }
}

/// Writes to a file handle (standard output by default) through a 1 MiB buffer.
public final class FileHandleSink: ReportSink {
    private let handle: FileHandle
    private let name: String
    private var buffer: [UInt8] = []

    /// Writes to `handle`, named `name` in errors.
    public init(handle: FileHandle = .standardOutput, name: String = "standard output") {
        self.handle = handle
        self.name = name
        buffer.reserveCapacity(1 << 20)
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    public func write(bytes: Data) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes out whatever is buffered.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw InputError(file: name, line: nil, message: "cannot write the output", hint: "check the disk has room")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
