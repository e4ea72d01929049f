import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A report file being written: a temporary file beside the target, renamed over it on
/// ``commit()`` or removed by ``abandon()`` (see ``OutputFile/open(_:refusingToOverwrite:)``).
public final class AtomicOutputFile: ReportSink {
    private let path: String
    private let target: String
    private let temporary: String
    private let sink: FileHandleSink
    private let handle: FileHandle
    private var done = false

    init(path: String, target: String, temporary: String, handle: FileHandle) {
        self.path = path
        self.target = target
        self.temporary = temporary
        self.handle = handle
        self.sink = FileHandleSink(handle: handle, name: path)
    }

    deinit { if !done { abandon() } }

    public func write(_ text: String) throws { try sink.write(text) }

    public func write(bytes: Data) throws { try sink.write(bytes: bytes) }

    /// Finishes the file and puts it in place.
    /// - Throws: ``InputError`` if it cannot be written or renamed.
    public func commit() throws {
        do {
            try sink.flush()
            try handle.close()
            // rename(2) replaces the target in one step: readers see the old file or the whole new one.
            guard rename(temporary, target) == 0 else { throw CocoaError(.fileWriteUnknown) }
            done = true
        } catch {
            abandon()
            throw error as? InputError ?? InputError(file: path, line: nil, message: "cannot write the output file",
                                                     hint: "check that the folder exists and is writable")
        }
    }

    /// Removes the temporary file; the target is left as it was.
    public func abandon() {
        done = true
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporary)
    }
}
