namespace VmwareMcp.Tests.Harness;

/// <summary>For a host started as its own process: whether it answers yet.</summary>
public static class HostProcess
{
    /// <summary>True once <c>/healthz</c> answers with success; false while nothing listens.</summary>
    public static async Task<bool> AnswersAsync(HttpClient client)
    {
        try
        {
            return (await client.GetAsync("/healthz")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
