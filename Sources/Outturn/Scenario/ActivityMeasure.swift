import Foundation
import Yams

/// An activity measure derived from the activity file's series rather than fitted on its own
/// (the scenario's `activity_measures`, docs/scenario.md): a total of series, or one series' share
/// of another (or of a total).
package struct ActivityMeasure: Sendable, Equatable {
    /// What the measure is made of.
    package enum Definition: Sendable, Equatable {
        /// The sum of these activity series (`total_of: [Telephone, Self Service]`).
        case total(of: [String])
        /// `count` as a share of `total`, each an activity series or a total defined above it
        /// (`share_of: Closed at first point of contact`, `out_of: Total calls`).
        case share(count: String, of: String)
    }

    /// The measure's name as the report shows it.
    package let name: String
    /// What it is made of.
    package let definition: Definition
    /// One-based line of the scenario file where it is declared (for error messages).
    package let sourceLine: Int
}

extension Scenario {
    /// Keys of one entry of `activity_measures`.
    static let activityMeasureKeys = ["total_of", "share_of", "out_of"]

    /// The entries of `activity_measures`, in the file's order.
    /// - Throws: ``InputError`` with the file and line for a wrong shape, an unknown key, or an
    ///   entry that is neither `total_of` nor `share_of` with `out_of`.
    static func activityMeasures(_ node: Node, reader: YAMLReading) throws -> [ActivityMeasure] {
        try reader.mapping(node, named: "activity_measures", known: nil).map { name, keyNode, value in
            let line = reader.line(keyNode) ?? 1
            var fields: [String: Node] = [:]
            for (key, _, field) in try reader.mapping(value, named: "activity measure '\(name)'", known: activityMeasureKeys) {
                fields[key] = field
            }
            if let list = fields["total_of"], fields["share_of"] == nil, fields["out_of"] == nil {
                guard case .sequence(let sequence) = list, sequence.count >= 2 else {
                    throw reader.error(list, "total_of of '\(name)' should be a list of two or more activity series",
                                       hint: "write total_of: [Telephone, Self Service]")
                }
                let members = try sequence.map { try reader.string($0, key: "total_of", expected: "an activity series name") }
                return ActivityMeasure(name: name, definition: .total(of: members), sourceLine: line)
            }
            if let count = fields["share_of"], let total = fields["out_of"], fields["total_of"] == nil {
                return ActivityMeasure(name: name,
                                       definition: .share(count: try reader.string(count, key: "share_of", expected: "an activity series name"),
                                                          of: try reader.string(total, key: "out_of", expected: "an activity series or total")),
                                       sourceLine: line)
            }
            throw reader.error(keyNode, "activity measure '\(name)' should have either total_of, or share_of with out_of",
                               hint: "write total_of: [Telephone, Self Service], or share_of: Closed at first point of contact with out_of: Total calls")
        }
    }
}
