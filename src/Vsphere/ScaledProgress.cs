namespace VmwareMcp.Vsphere;

/// <summary>
/// Maps one step's 0-100 onto its share of a whole operation, synchronously: <see cref="Progress{T}"/>
/// would post reports to the thread pool and let them arrive out of order.
/// </summary>
internal sealed class ScaledProgress(IProgress<int> whole, int from, int to) : IProgress<int>
{
    public void Report(int value) => whole.Report(from + ((to - from) * Math.Clamp(value, 0, 100) / 100));
}
