using Mapper.Console.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mapper.Console.Store.Configurations;

public sealed class RegressionCaseConfiguration : IEntityTypeConfiguration<RegressionCase>
{
    public void Configure(EntityTypeBuilder<RegressionCase> builder)
    {
        builder.ToTable("regression_cases");

        // The executor numbers cases itself (tombstones included), so the audit row can name the id before it commits.
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Detector).HasMaxLength(PayloadParser.MaxDetectorLength);
        builder.Property(c => c.Output).HasMaxLength(RawContentGuard.MaxStringLength);
        builder.Property(c => c.ExpectedLabels).HasMaxLength(4096);
        builder.Property(c => c.Description).HasMaxLength(RegressionCase.MaxDescriptionLength);
        builder.Property(c => c.CreatedBy).HasMaxLength(128);
        builder.Property(c => c.DeletedBy).HasMaxLength(128);
        builder.Ignore(c => c.Expected);
        builder.Ignore(c => c.GoldenDescription);
        builder.Ignore(c => c.Category);
        builder.HasIndex(c => c.DeletedAt);
    }
}
