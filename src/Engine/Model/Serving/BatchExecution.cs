namespace Mapper.Engine.Model.Serving;

/// <summary>One model run for a batch of callers: their inputs in queue order, each caller answered with its own slice.</summary>
internal static class BatchExecution
{
    /// <summary>Runs the batch; a failing run fails every caller in it (and only them).</summary>
    public static void Run(Func<IReadOnlyList<ModelInput>, ModelAnswer> execute, List<BatchItem> batch)
    {
        // A caller may have given up (its budget ran out) after it was taken: it is not run for nothing.
        batch.RemoveAll(b => b.IsCompleted);
        if (batch.Count == 0)
        {
            return;
        }

        var inputs = batch.Count == 1 ? batch[0].Inputs : Concat(batch);
        try
        {
            var answer = execute(inputs);
            if (batch.Count == 1)
            {
                batch[0].Complete(answer);
                return;
            }

            var offset = 0;
            foreach (var item in batch)
            {
                var own = new ModelPrediction[item.Inputs.Count];
                for (var i = 0; i < own.Length; i++)
                {
                    own[i] = answer.Predictions[offset + i];
                }

                item.Complete(new ModelAnswer(own, answer.Model));
                offset += own.Length;
            }
        }
        catch (Exception e)
        {
            foreach (var item in batch)
            {
                item.Fail(e);
            }
        }
    }

    /// <summary>All callers' inputs in queue order, in one pre-sized list (no LINQ on the batch path).</summary>
    private static List<ModelInput> Concat(List<BatchItem> batch)
    {
        var size = 0;
        foreach (var item in batch)
        {
            size += item.Inputs.Count;
        }

        var inputs = new List<ModelInput>(size);
        foreach (var item in batch)
        {
            for (var i = 0; i < item.Inputs.Count; i++)
            {
                inputs.Add(item.Inputs[i]);
            }
        }

        return inputs;
    }
}
