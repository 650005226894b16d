namespace VmwareMcp.Host.HandOff;

/// <summary>The answer of a change handed off with <c>wait: false</c>: it runs on as vSphere task <see cref="TaskId"/>.</summary>
/// <param name="TaskId">The vSphere task, for <c>get_task</c>.</param>
/// <param name="Target">The target it runs on.</param>
/// <param name="State">Always <c>running</c> when answered.</param>
/// <param name="Follow">How to learn the end and the result.</param>
internal sealed record TaskHandle(string TaskId, string Target, string State, string Follow);
