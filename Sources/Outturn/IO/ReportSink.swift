import Foundation

/// Somewhere a report is written piece by piece: standard output, a file, or a string.
public protocol ReportSink: AnyObject {
    /// Appends `text`.
    /// - Throws: ``OutputError`` if it cannot be written; ``OutputClosed`` if its reader went away.
    func write(_ text: String) throws
    /// Appends `bytes` (a binary report: the workbook).
    /// - Throws: ``OutputError`` if it cannot be written.
    func write(bytes: Data) throws
}

/// Collects a report in memory (for tests and small reports).
public final class StringSink: ReportSink {
    /// Everything written so far, as bytes.
    public private(set) var data = Data()
    /// Everything written so far, as UTF-8 text.
    public var text: String { String(decoding: data, as: UTF8.self) }

    /// An empty sink.
    public init() {}

    /// Appends `text` as UTF-8; never throws.
    public func write(_ text: String) throws { data.append(contentsOf: text.utf8) }

    /// Appends `bytes`; never throws.
    public func write(bytes: Data) throws { data.append(bytes) }
}

/// Writes to a file descriptor (standard output by default) through a 1 MiB buffer, with every
/// write checked (``CheckedWrite``): a full disk is an ``OutputError``, a closed pipe ``OutputClosed``.
/// Call ``flush()`` at the end; what is still buffered when the sink is dropped is not written.
package final class FileHandleSink: ReportSink {
    private let descriptor: Int32
    private let name: String
    private var buffer: [UInt8] = []

    /// Writes to `handle`, named `name` in errors.
    package convenience init(handle: FileHandle = .standardOutput, name: String = "standard output") {
        self.init(descriptor: handle.fileDescriptor, name: name)
    }

    /// Writes to the open file descriptor `descriptor` (not closed by the sink), named `name` in errors.
    package init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
        buffer.reserveCapacity(1 << 20)
    }

    package func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    package func write(bytes: Data) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes out whatever is buffered.
    /// - Throws: ``OutputError`` naming the output and the system's reason; ``OutputClosed`` on `EPIPE`.
    package func flush() throws {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        try buffer.withUnsafeBytes { try CheckedWrite.all($0, to: descriptor, name: name) }
    }
}

/// Standard output for a whole report at once.
package enum StandardOutput {
    /// Writes `text` to standard output and checks that all of it was written.
    /// - Throws: ``OutputError`` ("standard output: cannot write the output: No space left on device")
    ///   or ``OutputClosed`` when the reader went away.
    package static func write(_ text: String) throws {
        let sink = FileHandleSink()
        try sink.write(text)
        try sink.flush()
    }
}
