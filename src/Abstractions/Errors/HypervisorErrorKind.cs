namespace VmwareMcp.Abstractions.Errors;

/// <summary>The few kinds of failure a client can act on; each maps to one HTTP status.</summary>
public enum HypervisorErrorKind
{
    /// <summary>The request is malformed or names something impossible (HTTP 400).</summary>
    InvalidArgument,

    /// <summary>The VM, host, datastore or other object does not exist (HTTP 404).</summary>
    NotFound,

    /// <summary>The object's state or a name clash forbids the operation (HTTP 409).</summary>
    Conflict,

    /// <summary>The caller may not do this: a missing scope, a target outside the token's reach, read-only mode (HTTP 403).</summary>
    Forbidden,

    /// <summary>The endpoint cannot do this (for example clusters on a standalone ESXi host) (HTTP 501).</summary>
    NotSupported,

    /// <summary>The endpoint cannot be reached or refused our credentials (HTTP 503).</summary>
    Unavailable,

    /// <summary>The endpoint accepted the request and then failed it (HTTP 502).</summary>
    Failed,
}
