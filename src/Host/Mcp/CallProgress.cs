using VmwareMcp.Abstractions.Policy;

namespace VmwareMcp.Host.Mcp;

/// <summary>The contract's view of <see cref="ToolProgress"/>: a plugin asks for the reporter of the MCP call it serves.</summary>
internal sealed class CallProgress : ICallProgress
{
    public IProgress<int>? For(string what) => ToolProgress.For(what);
}
