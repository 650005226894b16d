using VmwareMcp.Abstractions.Operations;

namespace VmwareMcp.Host.Audit;

/// <summary>The audit log as the contract's <see cref="IChangeHistory"/>: what plugins may read of it, one change by id.</summary>
internal sealed class AuditChangeHistory(IAuditStore store) : IChangeHistory
{
    public async Task<RecordedChange?> FindAsync(string changeId, CancellationToken cancellationToken) =>
        await store.FindAsync(changeId, cancellationToken) is { } record
            ? new RecordedChange
            {
                Id = record.Id ?? changeId,
                Operation = record.Operation,
                Outcome = record.Outcome,
                Token = record.Token,
                Time = record.Time,
                Target = record.Target,
                Arguments = record.Arguments as System.Text.Json.Nodes.JsonObject,
                Before = State(record.Before),
                After = State(record.After),
            }
            : null;

    private static RecordedVmState? State(VmState? state) => state is null ? null : new RecordedVmState
    {
        Id = state.Id,
        Name = state.Name,
        PowerState = state.PowerState,
        NumCpu = state.NumCpu,
        MemoryMib = state.MemoryMib,
        Host = state.Host,
    };
}
