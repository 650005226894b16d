using System.Net;
using System.Net.Sockets;

namespace VmwareMcp.Tests.Harness;

/// <summary>A loopback port free now, for a host whose address must be known before it starts (a process, or a URL in its settings).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
