namespace VmwareMcp.Abstractions.Errors;

/// <summary>
/// The one exception providers throw for anything a caller should be told about. The host turns it into
/// ProblemDetails (REST) or a tool error (MCP) carrying <see cref="Exception.Message"/>.
/// </summary>
/// <remarks>The message must say what went wrong and what to do, and must never contain a secret.</remarks>
public class HypervisorException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">What kind of failure this is.</param>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="fault">The vSphere fault name behind it, if any (for example <c>DuplicateName</c>).</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public HypervisorException(HypervisorErrorKind kind, string message, string? fault = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Fault = fault;
    }

    /// <summary>What kind of failure this is.</summary>
    public HypervisorErrorKind Kind { get; }

    /// <summary>The vSphere fault type behind the failure (for example <c>InvalidPowerState</c>), or null.</summary>
    public string? Fault { get; }

    /// <summary>For a busy or rate-limited target: when trying again makes sense (sent as <c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
