using ModelContextProtocol;
using VmwareMcp.Abstractions.Errors;

namespace VmwareMcp.Plugins.Core;

/// <summary>A hypervisor failure on a resource request as the protocol says it: not found, else invalid params with the reason.</summary>
internal static class ResourceErrors
{
    public static McpProtocolException Of(HypervisorException exception) =>
        new($"{exception.Kind}: {exception.Message}", exception.Kind == HypervisorErrorKind.NotFound ? McpErrorCode.ResourceNotFound : McpErrorCode.InvalidParams);
}
