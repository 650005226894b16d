using System.Text.Json.Nodes;

namespace VmwareMcp.Abstractions.Operations;

/// <summary>
/// The host's audit log as a plugin may read it: a change made through the host, by the id its audit records
/// share, as it ended. Resolve it from the plugin's services; tools that undo or explain a change use it.
/// Since 2.3.
/// </summary>
public interface IChangeHistory
{
    /// <summary>The change with <paramref name="changeId"/> as it ended (or as <c>started</c>, if the host stopped during it); null when there is none.</summary>
    Task<RecordedChange?> FindAsync(string changeId, CancellationToken cancellationToken);
}

/// <summary>One change as the audit log recorded it. Since 2.3.</summary>
public sealed record RecordedChange
{
    /// <summary>The id its records share.</summary>
    public required string Id { get; init; }

    /// <summary>The tool, or the method and route pattern (<c>POST /api/v1/vms/{id}/rename</c>).</summary>
    public required string Operation { get; init; }

    /// <summary><c>ok</c>, <c>failed</c>, <c>refused</c>, <c>preview</c>, <c>pending</c>, <c>unknown</c> or <c>started</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>The token's name that asked for it.</summary>
    public required string Token { get; init; }

    /// <summary>When it ended.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The target named, if any.</summary>
    public string? Target { get; init; }

    /// <summary>The arguments, with secret-looking values removed.</summary>
    public JsonObject? Arguments { get; init; }

    /// <summary>The VM as it was before (null: no VM, or it did not exist).</summary>
    public RecordedVmState? Before { get; init; }

    /// <summary>The VM as it was after (null: it no longer existed, or nothing was changed).</summary>
    public RecordedVmState? After { get; init; }
}

/// <summary>What the audit log keeps of a VM before and after a change. Since 2.3.</summary>
public sealed record RecordedVmState
{
    /// <summary>The VM's managed object id, when recorded.</summary>
    public string? Id { get; init; }

    /// <summary>Its name, when recorded.</summary>
    public string? Name { get; init; }

    /// <summary>poweredOn, poweredOff or suspended.</summary>
    public required string PowerState { get; init; }

    /// <summary>vCPUs.</summary>
    public int NumCpu { get; init; }

    /// <summary>Memory in MiB.</summary>
    public int MemoryMib { get; init; }

    /// <summary>The host it ran on.</summary>
    public string? Host { get; init; }
}
