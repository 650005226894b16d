using VmwareMcp.Abstractions.Errors;

namespace VmwareMcp.Host.Approvals;

/// <summary>
/// REST's side of approvals: a held change answers 202 with <c>Location: /api/v1/approvals/{id}</c>; once an
/// admin approved it, the same request sent again with <c>Approval-Id: {id}</c> goes ahead.
/// </summary>
internal static class ApprovalHeader
{
    public const string Name = "Approval-Id";

    /// <summary>Where the request's approval (held or used) waits for its audit record.</summary>
    public const string Item = "vmcp:approval";

    /// <summary>The approval the request is sent with, if any.</summary>
    /// <exception cref="HypervisorException">Sent more than once, or not an approval id's shape.</exception>
    public static string? Of(HttpRequest request)
    {
        var values = request.Headers[Name];
        if (values.Count == 0)
        {
            return null;
        }

        return values is [{ Length: > 0 and <= 64 } id] && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? id
            : throw new HypervisorException(HypervisorErrorKind.InvalidArgument, $"send one {Name} header with the id a 202 answer gave (such as apr-0a1b2c3d4e5f)");
    }
}
