using VmwareMcp.Abstractions.Errors;

namespace VmwareMcp.Host.Errors;

/// <summary>The one mapping from a domain error kind to an HTTP status.</summary>
internal static class ErrorStatus
{
    public static int For(HypervisorErrorKind kind) => kind switch
    {
        HypervisorErrorKind.InvalidArgument => StatusCodes.Status400BadRequest,
        HypervisorErrorKind.NotFound => StatusCodes.Status404NotFound,
        HypervisorErrorKind.Conflict => StatusCodes.Status409Conflict,
        HypervisorErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        HypervisorErrorKind.NotSupported => StatusCodes.Status501NotImplemented,
        HypervisorErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status502BadGateway,
    };
}
