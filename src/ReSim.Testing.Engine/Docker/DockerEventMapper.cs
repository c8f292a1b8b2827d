using System.Globalization;
using Docker.DotNet.Models;
using ReSim.Testing.Engine.Runtime;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Turns Docker's container events into the runtime's <see cref="ContainerEvent"/>s.</summary>
internal static class DockerEventMapper
{
    /// <summary>The action of a health change, followed on Docker by <c>: healthy</c> or <c>: unhealthy</c>.</summary>
    internal const string HealthStatusAction = "health_status";

    /// <summary>Maps one Docker event.</summary>
    /// <param name="message">The event.</param>
    /// <returns>
    /// The event, or <see langword="null"/> for one the runtime does not report: another action, a container without the
    /// service label, or the sandbox (role <c>sandbox</c>).
    /// </returns>
    internal static ContainerEvent? Map(Message message)
    {
        var attributes = message.Actor?.Attributes ?? new Dictionary<string, string>();
        if (!string.Equals(message.Type, "container", StringComparison.Ordinal)
            || !attributes.TryGetValue(RunLabels.Service, out var service)
            || (attributes.TryGetValue(RunLabels.Role, out var role) && role == "sandbox"))
        {
            return null;
        }

        var time = TimeOf(message);
        var id = message.Actor!.ID;
        return message.Action switch
        {
            "start" => new ContainerEvent(id, service, ContainerEventKind.Started, time),
            "die" => new ContainerEvent(id, service, ContainerEventKind.Exited, time, ExitCodeOf(attributes)),
            "health_status: healthy" => new ContainerEvent(id, service, ContainerEventKind.Healthy, time),
            "health_status: unhealthy" => new ContainerEvent(id, service, ContainerEventKind.Unhealthy, time),
            _ => null,
        };
    }

    /// <summary>The event's time in nanoseconds on the engine's clock.</summary>
    /// <param name="message">The event.</param>
    /// <returns>The time.</returns>
    internal static long NanosecondsOf(Message message) => message.TimeNano ?? ((message.Time ?? 0) * 1_000_000_000);

    private static DateTimeOffset TimeOf(Message message) => DockerTime.ToDateTimeOffset(NanosecondsOf(message));

    private static int? ExitCodeOf(IDictionary<string, string> attributes) =>
        attributes.TryGetValue("exitCode", out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)
            ? code
            : null;
}
