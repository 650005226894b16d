using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VmwareMcp.Abstractions.Vms;
using VmwareMcp.Tests.Harness;

namespace VmwareMcp.Tests.Hosting;

/// <summary>What every suite against a simulator-backed host uses: its fixture, a REST client and read helpers.</summary>
public abstract class FrontDoorClient<TFixture>(TFixture fixture) : IDisposable
    where TFixture : FrontDoorFixture
{
    protected TFixture Fixture { get; } = fixture;

    protected HttpClient Client { get; } = fixture.Host.CreateClient();

    protected SimulatorInspector Inspector => Fixture.Inspector;

    public void Dispose()
    {
        Client.Dispose();
        GC.SuppressFinalize(this);
    }

    protected async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json.Options)!;
    }

    protected async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await ReadAsync<JsonElement>(response, expected);
    }

    protected async Task<VmDetails> CreateAsync(object body) =>
        await ReadAsync<VmDetails>(await Client.PostAsJsonAsync("/api/v1/vms", body), HttpStatusCode.Created);
}
