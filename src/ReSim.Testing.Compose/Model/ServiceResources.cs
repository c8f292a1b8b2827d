namespace ReSim.Testing.Compose.Model;

/// <summary>A service's <c>deploy.resources</c> (R13).</summary>
/// <param name="Limits">The most the service may use.</param>
/// <param name="Reservations">What the service asks to be set aside for it, GPUs included.</param>
public sealed record ServiceResources(ResourceLimits Limits, ResourceReservations Reservations)
{
    /// <summary>No limits and no reservations.</summary>
    public static ServiceResources None { get; } = new(ResourceLimits.None, ResourceReservations.None);
}
