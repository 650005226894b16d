using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace VmwareMcp.Tests.Harness;

/// <summary>Where a started in-process server (a host, a proxy, a webhook receiver) listens.</summary>
public static class ServerAddress
{
    /// <summary>The first address <paramref name="app"/> listens on, a wildcard host made loopback.</summary>
    public static Uri Of(IHost app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
}
