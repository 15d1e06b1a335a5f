"""Hand-chosen golden vocabulary per detector: tuning words (variants/) and different held-out words (heldout/).

Expected labels follow the detector's own table where it has an opinion (deberta-toxicity maps its
negative class, clean and safe to OTHER.Unknown, so its negations do too) and the taxonomy otherwise.
"""
from generate_golden import *  # noqa: F401,F403  (label constants)

JUNK_T = ["zzqx", "asdfgh", "???", "lorem", "xyzzy", "qwerty", "blah", "foo", "%%%", "zxcvb", "wibble", "plugh"]
JUNK_H = ["LABEL_42", "hello world", "12345", "banana", "n/a", "purple_cow", "---", "kitten", "LABEL_7", "xylophone", "tbd_later", "mango"]
ERR_H = ["Exception", "request failed", "TimeoutError", "internal_error", "ERR_RATE_LIMIT", "failure", "Timed out",
         "crashed", "upstream_error", "processing-error", "error_code_500", "Failed"]


def common_tune(i, negation, neg_label=SAFE):
    return [("error", ERR), ("ERROR: timeout", ERR), (JUNK_T[i], UNK), (JUNK_T[(i + 5) % 12], UNK), (negation, neg_label)]


def common_held(i, negation, neg_label=SAFE):
    return [(ERR_H[i], ERR), (ERR_H[(i + 6) % 12], ERR), (JUNK_H[i], UNK), (JUNK_H[(i + 5) % 12], UNK), (negation, neg_label)]


DETECTORS = {
    "amazon-bedrock-guardrails": {
        "tune_prefix": "aws_", "held_prefix": "bedrock:",
        "tune": [("hate_speech", H_OTH), ("insults", INS), ("prompt_attack", PIO), ("name", NAME), ("age", AGE),
                 ("us_social_security_number", SSN), ("credit_debit_card_number", CC), ("us_bank_account_number", BANK),
                 ("us_passport_number", PASS), ("profanity", OBS), ("self_harm_intent", SELF), ("sexual_minors", CSAM),
                 ("violence_graphic", PHYS), ("harassment_threatening", THR), ("hate_threatening", H_OTH),
                 ("email_address", EMAIL), ("phone_number", PHONE), ("jailbreak", JB), ("content_filtered", FILT),
                 ("misconduct", TOX), ("illegal_activity", VIO_O), ("policy_violation", POLV)],
        "tune_extra": common_tune(0, "not_violent") + [
            ("HATE|INSULTS", [H_OTH, INS]), ("SEXUAL|VIOLENCE", [SEX, PHYS]), ("EMAIL|PHONE|NAME", [EMAIL, PHONE, NAME]),
            ("harasment", INS), ("BLOCKED", FILT), ("HATE", H_OTH, "AWS-Bedrock-Guardrails"), ("VIOLENCE", PHYS, "bedrock")],
        "held": [("driver_id", IDO), ("ip_address", IDO), ("url", URL), ("international_bank_account_number", BANK),
                 ("uk_national_health_service_number", HIPAA), ("ca_health_number", HIPAA), ("license_plate", IDO),
                 ("vehicle_identification_number", IDO), ("credit_debit_card_cvv", CC), ("credit_debit_card_expiry", CC),
                 ("swift_code", BANK), ("ca_social_insurance_number", SSN), ("us_individual_tax_identification_number", IDO),
                 ("regulated_substances", VIO_O), ("self_harm_instructions", SELF), ("sexual_content", SEX), ("insult", INS),
                 ("prompt_injection", PIO), ("guardrail_intervened", FILT), ("mailing_address", ADDR), ("person_name", NAME),
                 ("graphic_violence", PHYS), ("harassment", INS), ("hateful_content", H_OTH)],
        "held_extra": common_held(0, "non-hateful") + [
            ("hate|misconduct", [H_OTH, TOX]), ("PROMPT_ATTACK|JAILBREAK", [PIO, JB]), ("SSN|CREDIT_CARD_NUMBER", [SSN, CC]),
            ("INSULTS_HIGH", INS, "bedrock_guardrails"), ("REGULATED_SUBSTANCES", VIO_O, "Amazon-Bedrock")],
    },
    "anthropic-claude-safety": {
        "tune_prefix": "claude_", "held_prefix": "anthropic/",
        "tune": [("harmful", TOX), ("toxic", TOX), ("hate_speech", H_OTH), ("harassment", INS), ("threats", THR),
                 ("self_harm", SELF), ("graphic_violence", PHYS), ("sexual_content", SEX), ("adult_content", SEX),
                 ("illegal_activity", VIO_O), ("misinformation", MIS), ("privacy_violation", PIIO),
                 ("jailbreak_attempt", JB), ("prompt_injection", PIO), ("low_quality", LOWQ), ("off_topic", OFFT),
                 ("needs_review", REV), ("unsafe", TOX), ("harmful_content", TOX), ("threat", THR), ("hate", H_OTH),
                 ("sexual", SEX)],
        "tune_extra": common_tune(1, "not_harmful") + [
            ("safe", SAFE), ("SAFE", SAFE), ("toxic|harassment", [TOX, INS]), ("misinformation|off_topic", [MIS, OFFT]),
            ("harrassment", INS), ("harmful", TOX, "Anthropic"), ("unsafe", TOX, "claude-safety")],
        "held": [("criminal_activity", VIO_O), ("false_information", MIS), ("personal_information", PIIO), ("violence", PHYS),
                 ("disinformation", MIS), ("misleading_claims", MIS), ("sexually_explicit", SEX), ("nsfw", SEX),
                 ("weapons", VIO_O), ("suicide", SUI), ("suicidal_ideation", SUI), ("self_injury", SELF),
                 ("child_exploitation", CSAM), ("pii_leak", PIIO), ("data_exfiltration", PI_EXF),
                 ("system_prompt_override", PI_POL), ("role_play_jailbreak", JB), ("spam", LOWQ), ("irrelevant", OFFT),
                 ("requires_human_review", REV), ("benign", SAFE), ("harmless", SAFE), ("hallucination", HALL),
                 ("profanity", OBS), ("racism", H_RACE), ("bullying", INS)],
        "held_extra": common_held(1, "is_not_toxic") + [
            ("hate_speech|threats", [H_OTH, THR]), ("jailbreak_attempt|prompt_injection", [JB, PIO]),
            ("needs-review", REV, "claude_safety"), ("criminal_activity", VIO_O, "anthropic")],
    },
    "azure-content-safety": {
        "tune_prefix": "azure_", "held_prefix": "Azure.",
        "tune": [("hate", H_OTH), ("self_harm", SELF), ("sexual", SEX), ("violence", PHYS), ("harassment", INS),
                 ("profanity", OBS), ("hate_severity_4", H_OTH), ("self_harm_6", SELF), ("sexual_2", SEX),
                 ("violence_4", PHYS), ("jailbreak", JB), ("indirect_attack", PIO), ("hate_high", H_OTH),
                 ("violence_medium", PHYS), ("sexual_low", SEX), ("self_harm_severity_2", SELF)],
        "per_word": 3,
        "tune_extra": common_tune(2, "not_hateful") + [
            ("Hate:4", H_OTH), ("SelfHarm:6", SELF), ("Hate|Violence", [H_OTH, PHYS]), ("Sexual|SelfHarm", [SEX, SELF]),
            ("violnce", PHYS), ("Hate", H_OTH, "AzureContentSafety"), ("Violence", PHYS, "azure_content_safety")],
        "held": [("hate_speech", H_OTH), ("self_injury", SELF), ("sexual_content", SEX), ("physical_violence", PHYS),
                 ("harassment_medium", INS), ("obscenity", OBS), ("vulgar", OBS), ("prompt_attack", PIO),
                 ("user_prompt_attack", JB), ("jailbreak_attack", JB), ("ungrounded_content", HALL), ("hate_level_2", H_OTH),
                 ("selfharm_severity_4", SELF), ("sexual_severity_6", SEX), ("violence_severity_2", PHYS),
                 ("harassment_high", INS), ("hateful", H_OTH), ("sexual_explicit", SEX)],
        "held_extra": common_held(2, "non_violent") + [
            ("Hate:6", H_OTH), ("Violence:2", PHYS), ("Hate|SelfHarm", [H_OTH, SELF]), ("Sexual|Violence|Hate", [SEX, PHYS, H_OTH]),
            ("SelfHarm_4", SELF, "Azure-Content-Safety-v1"), ("Sexual:6", SEX, "azure-ai-content-safety")],
    },
    "deberta-toxicity": {
        "tune_prefix": "deberta_", "held_prefix": "deberta-v3:",
        "tune": [("toxic", TOX), ("severe_toxic", TOX), ("obscene", OBS), ("insult", INS), ("threat", THR),
                 ("identity_hate", H_OTH), ("toxicity", TOX), ("profanity", OBS), ("offensive", INS), ("threatening", THR),
                 ("hate", H_OTH), ("harassment", INS), ("high_toxic", TOX), ("low_toxic", TOX), ("is_toxic", TOX),
                 ("very_toxic", TOX), ("not_toxic", UNK), ("clean", UNK), ("safe", UNK), ("non_toxic", UNK)],
        "tune_extra": common_tune(3, "not_offensive", UNK) + [
            ("toxic|insult", [TOX, INS]), ("obscene|threat", [OBS, THR]), ("toxc", TOX),
            ("toxic", TOX, "deberta_toxicity_v2"), ("insult", INS, "DeBERTa")],
        "held": [("severe_toxicity", TOX), ("medium_toxic", TOX), ("insulting", INS), ("obscenity", OBS), ("vulgar", OBS),
                 ("threats", THR), ("identity_attack", H_OTH), ("hateful", H_OTH), ("hate_speech", H_OTH), ("harassing", INS),
                 ("toxic_high", TOX), ("extremely_toxic", TOX), ("mildly_toxic", TOX), ("nontoxic", UNK), ("benign", UNK),
                 ("bullying", INS), ("sexual_explicit", SEX), ("racist", H_RACE), ("sexist", H_GEN), ("homophobic", H_SO),
                 ("threat_of_violence", THR)],
        "held_extra": common_held(3, "non_offensive", UNK) + [
            ("severe_toxic|identity_hate", [TOX, H_OTH]), ("insult|obscene|threat", [INS, OBS, THR]),
            ("medium_toxic", TOX, "DeBERTa-Toxicity"), ("hate_speech", H_OTH, "deberta-v3-toxicity")],
    },
    "detoxify-hatebert": {
        "tune_prefix": "detoxify_", "held_prefix": "unitary/",
        "tune": [("toxic", TOX), ("obscene", OBS), ("threat", THR), ("insult", INS), ("identity_attack", H_OTH),
                 ("sexual_explicit", SEX), ("toxicity", TOX), ("severe_toxicity", TOX), ("identity_hate", H_OTH),
                 ("threats", THR), ("insults", INS), ("obscenity", OBS), ("sexually_explicit", SEX), ("hate", H_OTH),
                 ("profanity", OBS)],
        "per_word": 3,
        "tune_extra": common_tune(4, "not_toxic") + [
            ("toxic|obscene", [TOX, OBS]), ("insult|identity_attack", [INS, H_OTH]), ("threat|toxic|insult", [THR, TOX, INS]),
            ("identiy_attack", H_OTH), ("toxic", TOX, "Detoxify"), ("obscene", OBS, "hatebert")],
        "held": [("severe_toxic", TOX), ("insulting", INS), ("threatening", THR), ("obscene_language", OBS),
                 ("explicit_sexual", SEX), ("sexual", SEX), ("identity_based_attack", H_OTH), ("hateful", H_OTH),
                 ("offensive", INS), ("vulgarity", OBS), ("profane", OBS), ("toxic_comment", TOX), ("nsfw", SEX),
                 ("cursing", OBS), ("menacing", THR), ("demeaning", INS), ("intimidation", THR), ("racial_slur", H_RACE),
                 ("religious_hate", H_REL), ("attack_on_identity", H_OTH), ("identity_attack_score", H_OTH),
                 ("threat_detected", THR)],
        "held_extra": common_held(4, "non_toxic") + [
            ("obscene|insult", [OBS, INS]), ("sexual_explicit|toxic", [SEX, TOX]), ("threat|identity_attack", [THR, H_OTH]),
            ("severe_toxic", TOX, "detoxify_hatebert"), ("threatening", THR, "unitary-detoxify"),
            ("insulting", INS, "HateBERT"), ("sexual", SEX, "Detoxify-Unbiased")],
    },
    "google-cloud-dlp": {
        "tune_prefix": "gcp-", "held_prefix": "dlp.",
        "tune": [("person_name", NAME), ("first_name", NAME), ("email_address", EMAIL), ("phone_number", PHONE), ("url", URL),
                 ("street_address", ADDR), ("credit_card_number", CC), ("iban_code", BANK), ("us_social_security_number", SSN),
                 ("us_passport", PASS), ("us_drivers_license_number", IDO), ("date_of_birth", DOB), ("age", AGE),
                 ("ip_address", IDO), ("medical_record_number", HIPAA), ("generic_id", IDO), ("location", ADDR),
                 ("uk_national_insurance_number", IDO), ("canada_social_insurance_number", SSN), ("mac_address", IDO),
                 ("sensitive_data", PIIO)],
        "tune_extra": common_tune(5, "no_pii_detected") + [
            ("PERSON_NAME|EMAIL_ADDRESS", [NAME, EMAIL]), ("CREDIT_CARD_NUMBER|US_SOCIAL_SECURITY_NUMBER", [CC, SSN]),
            ("EMAIL_ADRESS", EMAIL), ("PHONE_NUMBER", PHONE, "google_dlp"), ("URL", URL, "GCP-DLP")],
        "held": [("last_name", NAME), ("date", DOB), ("us_bank_routing_micr", BANK), ("swift_code", BANK),
                 ("us_individual_taxpayer_identification_number", IDO), ("us_employer_identification_number", IDO),
                 ("uk_passport", PASS), ("canada_passport", PASS), ("uk_drivers_license_number", IDO), ("icd10_code", HIPAA),
                 ("credit_card_track_number", CC), ("email", EMAIL), ("imei_hardware_id", IDO),
                 ("vehicle_identification_number", IDO), ("domain_name", URL), ("australia_tax_file_number", IDO),
                 ("india_aadhaar_individual", IDO), ("france_passport", PASS), ("germany_passport", PASS),
                 ("uk_national_health_service_number", HIPAA), ("passport", PASS), ("female_name", NAME)],
        "held_extra": common_held(5, "no_sensitive_data") + [
            ("FIRST_NAME|LAST_NAME|DATE_OF_BIRTH", [NAME, DOB]), ("IBAN_CODE|SWIFT_CODE", [BANK]),
            ("LAST_NAME", NAME, "Google-Cloud-DLP"), ("DATE", DOB, "cloud_dlp")],
    },
    "huggingface-transformers": {
        "tune_prefix": "hf:", "held_prefix": "transformers/",
        "tune": [("toxic", TOX), ("severe_toxic", TOX), ("obscene", OBS), ("threat", THR), ("insult", INS),
                 ("identity_hate", H_OTH), ("positive", TOX), ("negative", SAFE), ("hate_speech", H_OTH), ("racism", H_RACE),
                 ("sexism", H_GEN), ("violence", PHYS), ("self_harm", SELF), ("harassment", INS), ("bullying", INS),
                 ("cyberbullying", INS), ("clean", SAFE), ("unsafe", TOX), ("offensive", INS), ("hateful", H_OTH)],
        "tune_extra": common_tune(6, "not_hate") + [
            ("non_toxic", SAFE), ("toxic|insult", [TOX, INS]), ("racism|sexism", [H_RACE, H_GEN]), ("bulying", INS),
            ("TOXIC", TOX, "HuggingFace"), ("hate", H_OTH, "hf-transformers")],
        "held": [("toxicity", TOX), ("obscenity", OBS), ("threatening", THR), ("insulting", INS), ("identity_attack", H_OTH),
                 ("racist", H_RACE), ("sexist", H_GEN), ("misogyny", H_GEN), ("homophobia", H_SO), ("religious_hate", H_REL),
                 ("violent", PHYS), ("self_injury", SELF), ("suicide", SUI), ("harassing", INS), ("cyber_bullying", INS),
                 ("non_hateful", SAFE), ("benign", SAFE), ("nothate", SAFE), ("offensive_language", INS), ("normal", SAFE),
                 ("hatespeech", H_OTH)],
        "held_extra": common_held(6, "not_offensive") + [
            ("hate_speech|offensive_language", [H_OTH, INS]), ("threat|obscene", [THR, OBS]),
            ("toxicity", TOX, "huggingface"), ("racist", H_RACE, "transformers-pipeline")],
    },
    "llama-guard": {
        "tune_prefix": "llamaguard_", "held_prefix": "meta-llama/",
        "tune": [("violence", PHYS), ("self_harm", SELF), ("sexual", SEX), ("sexual_minors", CSAM), ("hate", H_OTH),
                 ("harassment", INS), ("threats", THR), ("pii", PIIO), ("jailbreak", JB), ("prompt_injection", PIO),
                 ("violent_crimes", PHYS), ("child_sexual_exploitation", CSAM), ("sex_related_crimes", SEX),
                 ("privacy", PIIO), ("sexual_content", SEX), ("criminal_planning", VIO_O), ("guns_and_illegal_weapons", VIO_O),
                 ("regulated_or_controlled_substances", VIO_O), ("unsafe", TOX)],
        "tune_extra": common_tune(7, "not_toxic") + [
            ("safe", SAFE), ("not_safe", TOX), ("hate|harassment", [H_OTH, INS]), ("violence|self-harm", [PHYS, SELF]),
            ("jailbrake", JB), ("violence", PHYS, "llama_guard"), ("sexual/minors", CSAM, "LlamaGuard")],
        "held": [("non_violent_crimes", VIO_O), ("indiscriminate_weapons", VIO_O), ("suicide", SUI), ("self_injury", SELF),
                 ("sex_crimes", SEX), ("child_exploitation", CSAM), ("csam", CSAM), ("hate_speech", H_OTH), ("threat", THR),
                 ("personal_data", PIIO), ("privacy_violation", PIIO), ("code_interpreter_abuse", PI_TOOL),
                 ("jailbreak_attempt", JB), ("prompt_injection_attack", PIO), ("injection_attack", PIO),
                 ("unsafe_content", TOX), ("harassing", INS), ("hateful", H_OTH), ("violent", PHYS), ("sexually_explicit", SEX)],
        "held_extra": common_held(7, "non_hateful") + [
            ("safe_response", SAFE), ("hate|violence", [H_OTH, PHYS]), ("pii|privacy_violation", [PIIO]),
            ("jailbreak_attempt", JB, "Llama-Guard-3-8B"), ("suicide", SUI, "meta-llama-guard")],
    },
    "nvidia-nemo-guardrails": {
        "tune_prefix": "nemo_", "held_prefix": "nvidia:",
        "tune": [("jailbreak", JB), ("prompt_injection", PIO), ("harmful_content", TOX), ("toxic_language", TOX),
                 ("hate_speech", H_OTH), ("violence", PHYS), ("self_harm", SELF), ("pii_detected", PIIO), ("personal_info", PIIO),
                 ("sensitive_data", PIIO), ("inappropriate_content", TOX), ("policy_violation", POLV),
                 ("content_blocked", FILT), ("off_topic", OFFT), ("factual_error", FACT), ("hallucination", HALL),
                 ("conversation_hijack", PI_POL), ("topic_drift", OFFT), ("high_risk", TOX), ("low_risk", LOWR),
                 ("jailbreak_detected", JB)],
        "tune_extra": common_tune(8, "not_harmful") + [
            ("safe", SAFE), ("jailbreak|prompt_injection", [JB, PIO]), ("hallucination|factual_error", [HALL, FACT]),
            ("halucination", HALL), ("jailbreak", JB, "NeMo-Guardrails"), ("off_topic", OFFT, "nemo_guardrails")],
        "held": [("medium_risk", TOX), ("jailbreak_attempt", JB), ("injection", PIO), ("harmful", TOX), ("toxicity", TOX),
                 ("hateful_speech", H_OTH), ("sensitive_information", PIIO), ("pii", PIIO), ("fact_checking_failed", FACT),
                 ("hallucinated", HALL), ("ungrounded", HALL), ("output_blocked", FILT), ("off_topic_request", OFFT),
                 ("irrelevant", OFFT), ("risk_high", TOX), ("minimal_risk", LOWR), ("safe_content", SAFE),
                 ("conversation_hijacking", PI_POL), ("violent", PHYS), ("self_injury", SELF), ("personal_information", PIIO)],
        "held_extra": common_held(8, "non_toxic") + [
            ("pii_detected|sensitive_data", [PIIO]), ("toxic_language|hate_speech", [TOX, H_OTH]),
            ("medium_risk", TOX, "nvidia-nemo"), ("harmful", TOX, "NemoGuardrails")],
    },
    "openai-moderation": {
        "tune_prefix": "openai/", "held_prefix": "oai:",
        "tune": [("hate", H_OTH), ("hate_threatening", H_OTH), ("self_harm", SELF), ("sexual", SEX), ("sexual_minors", CSAM),
                 ("violence", PHYS), ("violence_graphic", PHYS), ("harassment", INS), ("harassment_threatening", THR),
                 ("self_harm_intent", SELF), ("self_harm_instructions", SELF), ("illicit", VIO_O), ("illicit_violent", VIO_O),
                 ("flagged", REV)],
        "per_word": 3,
        "tune_extra": common_tune(9, "not_flagged") + [
            ("hate|harassment", [H_OTH, INS]), ("sexual|violence", [SEX, PHYS]), ("self-harm/intent", SELF),
            ("harrasment", INS), ("violence", PHYS, "OpenAI-Moderation"), ("sexual/minors", CSAM, "openai_moderation")],
        "held": [("hateful", H_OTH), ("harassing", INS), ("violent", PHYS), ("sexual_content", SEX), ("sexual_minor", CSAM),
                 ("graphic_violence", PHYS), ("self_injury", SELF), ("suicide", SUI), ("threatening_harassment", THR),
                 ("threats", THR), ("gore", PHYS), ("nsfw", SEX), ("self_harm_instruction", SELF), ("selfharm", SELF),
                 ("hate_speech", H_OTH), ("threatening_hate", H_OTH), ("harassment_threat", THR)],
        "held_extra": common_held(9, "non_violent") + [
            ("harassment/threatening|hate/threatening", [THR, H_OTH]), ("self-harm|violence/graphic", [SELF, PHYS]),
            ("threats", THR, "OpenAIModeration"), ("graphic_violence", PHYS, "openai-moderation-latest")],
    },
    "presidio": {
        "tune_prefix": "presidio_", "held_prefix": "analyzer:",
        "tune": [("person", NAME), ("first_name", NAME), ("email_address", EMAIL), ("phone_number", PHONE), ("url", URL),
                 ("location", ADDR), ("address", ADDR), ("zip_code", ADDR), ("credit_card", CC), ("iban_code", BANK),
                 ("us_ssn", SSN), ("us_passport", PASS), ("us_driver_license", IDO), ("uk_nhs", HIPAA), ("au_tfn", IDO),
                 ("date_time", DOB), ("ip_address", IDO), ("medical_license", HIPAA), ("pii", PIIO), ("us_bank_number", BANK),
                 ("us_itin", IDO), ("email", EMAIL), ("phone", PHONE)],
        "tune_extra": common_tune(10, "no_pii_detected") + [
            ("PERSON|EMAIL_ADDRESS", [NAME, EMAIL]), ("CREDIT_CARD|US_SSN", [CC, SSN]), ("EMIAL_ADDRESS", EMAIL),
            ("PERSON", NAME, "Presidio-Analyzer"), ("PHONE_NUMBER", PHONE, "microsoft-presidio")],
        "held": [("last_name", NAME), ("full_name", NAME), ("city", ADDR), ("country", ADDR), ("au_abn", IDO), ("au_acn", IDO),
                 ("au_medicare", HIPAA), ("uk_nino", IDO), ("in_pan", IDO), ("in_aadhaar", IDO), ("in_passport", PASS),
                 ("sg_nric_fin", IDO), ("it_fiscal_code", IDO), ("it_passport", PASS), ("credit_card_number", CC),
                 ("mac_address", IDO), ("personal_info", PIIO), ("person_name", NAME), ("dob", DOB), ("birth_date", DOB),
                 ("social_security_number", SSN), ("drivers_license", IDO), ("e_mail", EMAIL), ("postal_code", ADDR)],
        "held_extra": common_held(10, "no_personal_info") + [
            ("LOCATION|DATE_TIME", [ADDR, DOB]), ("US_PASSPORT|US_DRIVER_LICENSE", [PASS, IDO]),
            ("LAST_NAME", NAME, "presidio_analyzer_v2"), ("AU_ABN", IDO, "PresidioAnalyzer")],
    },
    "regex-pii": {
        "tune_prefix": "regex_", "held_prefix": "pattern:",
        "tune": [("ssn", SSN), ("credit_card", CC), ("bank_account", BANK), ("passport", PASS), ("email", EMAIL), ("phone", PHONE),
                 ("address", ADDR), ("health_id", HIPAA), ("social_security_number", SSN), ("cc_number", CC),
                 ("account_number", BANK), ("routing_number", BANK), ("passport_number", PASS), ("phone_number", PHONE),
                 ("street_address", ADDR), ("driver_license", IDO), ("ip_address", IDO), ("medical_record", HIPAA),
                 ("patient_id", HIPAA), ("insurance_id", HIPAA), ("full_name", NAME), ("date_of_birth", DOB), ("age", AGE),
                 ("email_addr", EMAIL), ("cc_num", CC), ("phone_no", PHONE), ("dob", DOB)],
        "tune_extra": common_tune(11, "no_pii_found") + [
            ("ssn|credit_card", [SSN, CC]), ("email|phone|address", [EMAIL, PHONE, ADDR]), ("pasport", PASS),
            ("ssn", SSN, "regex_pii"), ("email", EMAIL, "RegexPII-v2")],
        "held": [("telephone", PHONE), ("home_address", ADDR), ("license_plate", IDO), ("mac_address", IDO), ("first_name", NAME),
                 ("last_name", NAME), ("social_security", SSN), ("credit_card_number", CC), ("email_address", EMAIL),
                 ("ssn_number", SSN), ("card_number", CC), ("creditcard", CC), ("bank_routing", BANK), ("acct_number", BANK),
                 ("iban", BANK), ("mobile_number", PHONE), ("cell_phone", PHONE), ("zip_code", ADDR), ("postal_address", ADDR),
                 ("birthdate", DOB), ("birth_date", DOB), ("mrn", HIPAA), ("health_insurance_id", HIPAA),
                 ("drivers_license_number", IDO), ("national_id", IDO), ("tax_id", IDO), ("website", URL), ("ipv4_address", IDO)],
        "held_extra": common_held(11, "no_ssn") + [
            ("phone_number|email_address", [PHONE, EMAIL]), ("passport_number|date_of_birth", [PASS, DOB]),
            ("telephone", PHONE, "regex"), ("home_address", ADDR, "pii-regex")],
    },
}
