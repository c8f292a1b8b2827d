using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Loading.Validation;

/// <summary>One kind of resource the <see cref="ReservationRule"/> sums over the active services (R13).</summary>
/// <param name="Amount">What one service reserves.</param>
/// <param name="Available">What the system has.</param>
/// <param name="Code">The diagnostic code when the sum does not fit.</param>
/// <param name="Unit">How messages name the unit, such as "CPUs".</param>
/// <param name="Format">How messages print an amount.</param>
/// <param name="Strict">Whether the sum must stay below <paramref name="Available"/> rather than reach it at most.</param>
internal sealed record ReservedResource(Func<ServiceDefinition, double> Amount, double Available, string Code, string Unit, Func<double, string> Format, bool Strict);
