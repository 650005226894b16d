namespace VmwareMcp.Host.FrontDoor;

/// <summary>Acts when the caller confirmed; otherwise answers with the preview and acts on nothing.</summary>
internal static class Confirmation
{
    public static async Task<T> RunAsync<T>(bool confirmed, Func<Task<ActionPreview>> preview, Func<Task<T>> act) =>
        confirmed ? await act() : throw new ConfirmationRequiredException(await preview());
}
