namespace Mapper.Engine.Model.Training;

/// <summary>
/// One step of training, reported after every epoch: <paramref name="Epoch"/> of <paramref name="Epochs"/> are done,
/// <paramref name="Fraction"/> of the whole run (0 to 1), and the mean cross-entropy of the epoch's batches.
/// </summary>
public sealed record TrainingProgress(int Epoch, int Epochs, double Fraction, double Loss);
