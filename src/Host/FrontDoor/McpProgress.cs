using ModelContextProtocol;

namespace VmwareMcp.Host.FrontDoor;

/// <summary>Forwards a vSphere task's percentage to the MCP client as progress notifications.</summary>
internal sealed class McpProgress(IProgress<ProgressNotificationValue> client, string what) : IProgress<int>
{
    public void Report(int value) =>
        client.Report(new ProgressNotificationValue { Progress = value, Total = 100, Message = $"{what}: {value}%" });
}
