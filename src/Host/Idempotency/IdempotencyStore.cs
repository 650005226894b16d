namespace VmwareMcp.Host.Idempotency;

/// <summary>
/// Remembers, per caller and key, the first outcome of a change for <see cref="Window"/>, so a client that
/// retries after a timeout gets that outcome instead of a second VM. One interface, so a server database can
/// stand in for the embedded one when several replicas share state.
/// </summary>
internal interface IIdempotencyStore
{
    /// <summary>How long a key is remembered.</summary>
    static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>Claims <paramref name="key"/> for a call with <paramref name="fingerprint"/>, or says what is already known of it.</summary>
    Task<IdempotencyClaim> ClaimAsync(string key, string fingerprint, CancellationToken cancellationToken);

    /// <summary>Stores the outcome of the call that claimed <paramref name="key"/>.</summary>
    Task CompleteAsync(string key, StoredOutcome outcome);

    /// <summary>Forgets a claim whose call did nothing (a preview, a request that could not be bound), so a retry acts.</summary>
    Task ReleaseAsync(string key);
}

/// <summary>The answer of the call that first used a key: HTTP status (0 over MCP), media type, body, and where a 201 or 202 pointed.</summary>
internal sealed record StoredOutcome(int Status, string? ContentType, byte[] Body, string? Location = null);

/// <summary>What <see cref="IIdempotencyStore.ClaimAsync"/> found.</summary>
/// <param name="State">Claimed (go ahead), Running (the first call has not ended), Done (replay <paramref name="Outcome"/>), or Mismatch (another request used the key).</param>
internal sealed record IdempotencyClaim(IdempotencyState State, StoredOutcome? Outcome = null);

internal enum IdempotencyState
{
    Claimed,
    Running,
    Done,
    Mismatch,
}
