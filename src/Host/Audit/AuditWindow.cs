namespace VmwareMcp.Host.Audit;

/// <summary>
/// The newest matching records of a read, at most <c>size</c>: a change's completion replaces its
/// <c>started</c> record, so a change appears once, as it ended, or as <c>started</c> when the host stopped
/// before it could say how it ended.
/// </summary>
internal sealed class AuditWindow(int size)
{
    private readonly LinkedList<AuditRecord> _records = new();
    private readonly Dictionary<string, LinkedListNode<AuditRecord>> _byId = new(StringComparer.Ordinal);

    public void Add(AuditRecord record, AuditQuery query)
    {
        if (record.Id is { } id && _byId.Remove(id, out var started))
        {
            _records.Remove(started);
        }

        if (!query.Matches(record))
        {
            return;
        }

        var node = _records.AddLast(record);
        if (record.Id is { } key)
        {
            _byId[key] = node;
        }

        if (_records.Count > size)
        {
            var oldest = _records.First!;
            if (oldest.Value.Id is { } oldId)
            {
                _byId.Remove(oldId);
            }

            _records.RemoveFirst();
        }
    }

    public IReadOnlyList<AuditRecord> NewestFirst(int offset, int limit) =>
        _records.Reverse().Skip(offset).Take(limit).ToList();
}
