namespace VmwareMcp.Tests.Harness;

/// <summary>
/// For changes made behind the product's back (straight on the simulator), which reach its live cache
/// through vSphere's change feed: re-checks the observable condition until it holds or the deadline passes.
/// </summary>
public static class Eventually
{
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
