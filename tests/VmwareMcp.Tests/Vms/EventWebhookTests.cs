using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using VmwareMcp.Host.Events;
using VmwareMcp.Tests.Harness;
using VmwareMcp.Tests.Hosting;

namespace VmwareMcp.Tests.Vms;

/// <summary>Events pushed to webhooks: a live receiver gets them while a dead one only piles up its own errors.</summary>
public sealed class EventWebhookTests : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;
    private Simulator _simulator = null!;
    private TestHost _host = null!;
    private SimulatorInspector _inspector = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        var hook = _receiver.Url;

        _simulator = await Simulator.StartAsync(["-mode", "vpx"]);
        _host = await TestHost.StartAsync(TestHost.SettingsFor(_simulator, $"""
            webhooks:
              - "http://127.0.0.1:9/dead"
              - url: "{hook}"
            """));
        _inspector = new SimulatorInspector(_simulator);
        _client = _host.CreateClient();
        Assert.True(await Eventually.HoldsAsync(async () => (await StatusAsync()).Watching.GetValueOrDefault("default") is not null, TimeSpan.FromSeconds(30)),
            "the host never started watching the target's events");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        _inspector.Dispose();
        await _host.DisposeAsync();
        await _simulator.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private async Task<WebhooksStatus> StatusAsync() =>
        (await _client.GetFromJsonAsync<WebhooksStatus>("/api/v1/events/webhooks", Json.Options))!;

    [Fact]
    public async Task An_event_made_behind_our_back_reaches_the_webhook_while_a_dead_one_fails_on_its_own()
    {
        var vm = (await _inspector.VmsAsync()).First(v => v.PowerState == "poweredOn");

        await _inspector.PowerOffAsync(vm.Id);

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        JsonNode received;
        do
        {
            received = await _receiver.Received.Reader.ReadAsync(wait.Token);
        }
        while (received["event"]?["type"]?.GetValue<string>() != "VmPoweredOffEvent");

        Assert.Equal("default", received["target"]!.GetValue<string>());
        Assert.Equal(vm.Name, received["event"]!["vm"]!.GetValue<string>());
        WebhookStatus dead = null!;
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            dead = (await StatusAsync()).Webhooks.Single(w => w.Url.EndsWith("/dead", StringComparison.Ordinal));
            return dead.LastError is not null;
        }, TimeSpan.FromSeconds(30)), "the dead webhook never reported its failure");
        Assert.Equal(0, dead.Delivered);
    }
}
