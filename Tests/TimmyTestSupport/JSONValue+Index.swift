import TimmyCore

extension JSONValue {
    /// The element at `index` of an array value, nil otherwise.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }
}
