using ReSim.Testing.Compose.Diagnostics;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>A container port, or range of ports, that a service declares in <c>ports</c> or <c>expose</c>, kept to find clashes (R12).</summary>
/// <param name="From">The first container port.</param>
/// <param name="To">The last container port; <see cref="From"/> for a single port.</param>
/// <param name="Protocol">tcp, udp or sctp.</param>
/// <param name="Key">The key it is declared under, such as <c>ports[0]</c>.</param>
/// <param name="Location">Where.</param>
internal sealed record PortDeclaration(int From, int To, string Protocol, string Key, SourceLocation Location)
{
    public override string ToString() => From == To ? $"{From}/{Protocol}" : $"{From}-{To}/{Protocol}";
}
