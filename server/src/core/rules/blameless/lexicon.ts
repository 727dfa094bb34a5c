/**
 * Words and phrases of blame, and of the people they are aimed at.
 * Each category's triggers are paired with a gate in detect.ts: most phrases blame only when a
 * person, a team, "we" or "I" is the one said to have acted (see subject.ts).
 */

export const PRONOUNS = new Set(['we', 'i', 'he', 'she', 'they', 'you', 'someone', 'somebody', 'nobody', 'everyone', 'everybody', 'anyone', 'people', 'us', 'me', 'him', 'her', 'them']);

export const ROLES =
  /^(?:engineers?|developers?|devs?|operators?|admins?|administrators?|on-?calls?|on-?callers?|oncall|sres?|teams?|staff|employees?|contractors?|interns?|managers?|management|leads?|leaders?|leadership|responders?|reviewers?|authors?|colleagues?|electricians?|technicians?|dbas?|persons?|members?|ops|devops|humans?|maintainers?|owners?|founders?|investors?|executives?|ceo|cto|vp|directors?|newcomers?|juniors?|seniors?|architects?|analysts?|testers?|qa|folks|guys|employees?|personnel|crew|hires?)$/i;

/** Nouns for what people did or decided: "debugging efforts mistakenly concluded". */
export const HUMAN_ACTIVITY = /^(?:efforts?|decisions?|judg(?:e)?ments?|assessments?|investigations?|analysis|diagnosis|diagnoses|response|choices?|planning|call|reasoning|guess|assumptions?)$/i;

/** Capitalised words that are systems, not people, so "Kubernetes restarted the pod" blames no one. */
export const SYSTEM_NAMES = new Set(
  'kubernetes k8s terraform cloudflare aws azure gcp google github gitlab docker nginx linux kernel postgres postgresql mysql redis kafka jenkins ansible puppet chef karpenter consul vault cron systemd helm argo argocd flux lambda datadog pagerduty grafana prometheus elasticsearch opensearch bottlerocket cosmovisor concourse jira slack sentry envoy istio haproxy varnish memcached rabbitmq zookeeper etcd celery sidekiq rails django spring node npm java python go rust the this that it its our their a an one each every monitoring alerting ci cd dns bgp ssl tls http api sdk cli app service server database cache queue job script tool bot system cluster node pod deploy deployment pipeline release build config configuration change update upgrade patch migration rollout rollback traffic load request process validator replica primary leader scheduler worker controller proxy balancer router firewall gateway network disk memory cpu storage bucket index table schema query certificate token key secret password'.split(
    ' ',
  ),
);

/** Capitalised words that open sentences and noun phrases without naming anyone. */
export const NOT_NAMES = new Set('both all some each every the this these those most many our their its no none several other another one two three first second last next after before during while when then there here however also because since although'.split(' '));

/** Words between a subject and its verb that do not change who the subject is. */
export const FILLER = new Set(
  'also then simply just not never really probably possibly likely unfortunately initially still already accidentally mistakenly wrongly incorrectly erroneously hurriedly hastily carelessly inadvertently apparently clearly obviously again later first finally eventually actually mostly only all both had has have having was were is are be been being did do does didn\'t don\'t doesn\'t wasn\'t weren\'t hadn\'t haven\'t hasn\'t could would should might may must will can cannot couldn\'t wouldn\'t shouldn\'t and manually quickly immediately directly'.split(
    ' ',
  ),
);

export const CLAUSE_BREAK = /[,;:()]|\b(?:and|but|because|so|which|that|when|while|after|before|as|since|although|though|if|where|who|whom)\b/gi;

// ---------------------------------------------------------------------------- triggers

export const HUMAN_ERROR =
  /\b(?:human|operator|user|pilot|engineer|manual|people|personnel)\s+(?:error|mistake|failure|slip|blunder)s?\b|\bfat[- ]?finger(?:ed|ing|s)?\b|\bpebkac\b|\bpebcak\b|\bid10t\b|\blayer\s*8\b|\b(?:was|were)\s+(?:a|an|our|my|his|her|their)\s+(?:mistake|oversight|blunder|screw-?up)\b|\bmessed\s+up\b|\bscrewed\s+up\b|\bdropped\s+the\s+ball\b|\bhuman\s+factor\s+(?:error|failure)\b/i;

export const REJECTS_BLAME =
  /\b(?:not|never|isn'?t|wasn'?t|aren'?t|no one is|nobody is|don'?t|do not|avoid|rather than|instead of|without)\b[^.]{0,40}\b(?:to blame|blam\w*|at fault|human error|operator error|a root cause|the root cause|fault)\b|\bblameless\b|\bno\s+blame\b|\bnot\s+(?:a|the)\s+(?:cause|explanation)\b|\bis\s+a\s+label\b/i;

export const COUNTERFACTUAL =
  /\b(?:(?:should(?:n'?t| not)?\s+have|should'?ve|could(?:n'?t| not)?\s+have|could'?ve|would(?:n'?t| not)?\s+have|would'?ve|ought\s+to\s+have)(?:\s+(?:been\s+|not\s+)?(?:[\w-]+ed|\w+en|known|seen|done|caught|run|made|gone|taken|had|put|kept|found|thought|brought|built|sent|spent|felt|held|left|lost|meant|paid|read|said|told|understood|written|begun|chosen|given|hidden|spoken|thrown|stopped|noticed))|might\s+have\s+(?:caught|noticed|prevented|avoided|seen|checked))\b|\b(?:failed|forgot|neglected|omitted|refused)\s+to\b|\bforgot\b|\boverlooked\b|\bmissed\s+(?:the|a|an|that|this|it|its|their|our|some|two|several)\b|\b(?:did\s+not|didn'?t|never)\s+(?:notice|check|verify|test|validate|consider|take\s+into\s+account|realis|realiz|think|catch|see|review|follow|read|double-check|confirm|escalate|monitor|understand|anticipate|plan|account)\w*|\black\s+of\s+(?:attention|care|diligence|rigou?r|discipline|ownership)\b|\bwithout\s+(?:first\s+)?(?:checking|testing|verifying|reviewing|confirming|asking|looking|reading|being\s+(?:thorough|careful))\b/i;

/** "could have been worse" and the like: speculation about outcomes, not about what people did. */
export const COUNTERFACTUAL_OUTCOME =
  /\b(?:could|would|might)(?:n'?t)?\s+have\s+been\s+(?:much\s+|far\s+|a\s+lot\s+|even\s+)?(?:worse|bad|catastrophic|longer|larger|bigger|avoided\s+by\s+(?:the\s+)?(?:system|tool))|\bwould(?:n'?t|\s+not)?\s+have\s+(?:expected|anticipated|predicted|liked|wanted|preferred|hoped|loved|imagined|guessed)\b/i;

/** "see if they had…", "asked whether we had…": a question about the past, not a wish about it. */
export const EMBEDDED_QUESTION = /\b(?:see|seeing|ask|asked|asking|check|checked|checking|know|knew|wonder|wondered|find\s+out|determine|confirm|verify|whether)\s+$/i;

/** Phrases that are a human-error label only when a person did the thing ("I messed up", not "the config got messed up"). */
export const PERSON_GATED_ERROR = /^(?:messed|screwed)\s+up$/i;

export const ACTION_VERBS =
  /\b(?:deleted|removed|dropped|pushed|ran|executed|typed|restarted|re-started|rebooted|changed|edited|merged|deployed|applied|committed|approved|misconfigured|configured|set|updated|disabled|enabled|shut|turned|killed|overwrote|overwritten|tripped|unplugged|truncated|wiped|destroyed|renamed|revoked|rotated|modified|introduced|forgot|launched|released|proposed|used|did)\b/i;

export const CAUSAL =
  /\b(?:causing|(?:which|that|this|and\s+this|and\s+that|it)\s+(?:then\s+)?(?:caused|led\s+to|resulted\s+in|broke|took\s+down|brought\s+down)|and\s+caused|caused\s+(?:the|an?|our|all|some|every)\s|leading\s+to|resulting\s+in|brought\s+down\s+(?:the|our)|took\s+down\s+(?:the|our)|triggered\s+the\s+(?:outage|incident|failure))/i;

export const PERSON_CAUSE_DIRECT =
  /\b(?:(?:is|are|was|were)\s+(?:solely\s+|fully\s+|entirely\s+|directly\s+)?(?:responsible|to\s+blame|at\s+fault|the\s+cause)|fault\s+of|(?:'s|s')\s+(?:mistake|error|fault|typo|carelessness|negligence))\b/i;

export const ATTACKER = /\b(?:attack\w*|malicious|hacker|ddos|dos|bot(?:net)?s?|spammer|abuser|adversar\w*|threat\s+actor|criminal|exploit\w*)\b/i;

export const NORMATIVE_ADVERB = /\b(?:mistakenly|wrongly|incorrectly|erroneously|hurriedly|hastily|carelessly|accident(?:al)?ly|accidentially|inadvertently|by\s+mistake|by\s+accident|prematurely|recklessly|blindly|needlessly)\b/i;

export const NORMATIVE_VERDICT =
  /\b(?:misjudg(?:ed|e?ment)|poor\s+(?:judg(?:e)?ment|decisions?|choices?|planning|execution|communication)|bad\s+(?:decisions?|decission|calls?|judg(?:e)?ment|choices?)|misguided|ill-advised|ill-considered|cut\s+corners|careless\s+mistake|sloppy\s+work|did\s+a\s+poor\s+job|without\s+being\s+(?:thorough|careful|diligent)|not\s+(?:thorough|careful|diligent)\s+enough|abandon(?:s|ed)?\s+(?:their|its)\s+(?:responsibilit\w*|failed))\b/i;

export const NORMATIVE_PERSON_ACT =
  /\b(?:ignor(?:ed|ing)\s+(?:the\s+|an?\s+|all\s+|several\s+|multiple\s+)?(?:alerts?|alarms?|warnings?|pages?|messages?|signs?|errors?|advice|runbook|process)|skipp(?:ed|ing)\s+(?:the\s+)?(?:review|tests?|testing|steps?|checks?|canary|staging|approval)|bypass(?:ed|ing)\s+(?:the\s+)?(?:review|checks?|process|safeguards?|approval|ci)|rushed\b|untested\s+(?:fix|change|code|patch|release|update|script)|without\s+(?:proper\s+|adequate\s+|sufficient\s+|any\s+)?(?:testing|review|approval|authori[sz]ation|care)|(?:wasn'?t|was\s+not|weren'?t|were\s+not)\s+(?:set\s+up|configured|done|tested|handled)\s+(?:properly|correctly|carefully)|improperly)\b/i;

export const CHARACTER =
  /\b(?:careless(?:ly|ness)?|negligen(?:t|ce|tly)|lazy|laziness|sloppy|sloppiness|reckless(?:ly|ness)?|incompeten(?:t|ce)|inattentive|inattention|stupid(?:ly|ity)?|dumb|idiot(?:ic|s)?|inexperienced|irresponsible|irresponsibility|clueless|greedy|greed|thoughtless(?:ly)?|foolish(?:ly)?|amateur(?:ish)?|incapable|unprofessional|lackadaisical|complacen(?:t|cy))\b/i;

export const CHARACTER_EXCEPTIONS = /\blazy[- ](?:load\w*|eval\w*|init\w*|import\w*|compil\w*|fetch\w*|instantiat\w*)|\bdumb[- ](?:terminal|pipe|client|proxy|switch)|\bgreedy\s+(?:algorithm|match\w*|regex|quantifier|scheduling|allocation)|\bcomplacen\w*\s+(?:check|test)/i;

export const VIGILANCE =
  /\b(?:be\s+(?:more\s+|extra\s+|very\s+)?(?:careful|vigilant|diligent|cautious|attentive|aware|mindful)|pay\s+(?:more\s+|closer\s+|better\s+|extra\s+)?attention|double[- ]check(?:ing)?|triple[- ]check|try\s+harder|more\s+(?:care|attention|vigilance|diligence|training)|(?:re)?train(?:ing)?\s+(?:the\s+)?(?:team|engineers|staff|people|on-?call|operators|developers)|remind(?:er)?s?\s+(?:to\s+)?(?:people|engineers|the\s+team|everyone|staff|developers|operators)|remember\s+to|don'?t\s+forget\s+to|never\s+forget|never\s+ignore|plan\s+ahead|know\s+(?:all\s+)?(?:your|how\s+to|when|what)|(?:take|taking)\s+more\s+care|think\s+twice|stay\s+alert)\b/i;

/** Vigilance phrases that are also ordinary responder work ("double-checked the config"): flag only as a remedy. */
export const VIGILANCE_WEAK = /^(?:double[- ]check(?:ing)?|triple[- ]check|remember\s+to|know\s+(?:all\s+)?(?:your|how\s+to|when|what)|plan\s+ahead|be\s+(?:more\s+)?aware)/i;

export const REMEDY_CONTEXT = /\b(?:should|must|need(?:s)?\s+to|have\s+to|has\s+to|will|going\s+to|make\s+sure|ensure|always|in\s+future|in\s+the\s+future|next\s+time|from\s+now\s+on|going\s+forward|lesson)\b/i;

export const HINDSIGHT_WORDS = /\b(?:obviously|clearly|simply|just|easily|of\s+course|trivially|plainly|evidently)\b/i;

export const HINDSIGHT_EXCEPTIONS = /\bjust[- ](?:in[- ]time|before|after|as|now|in\s+case|like|one|a\s+few|over|under|enough|below|above|started|then|the|about|barely|one)\b|\bclearly\s+(?:visible|marked|labell?ed|defined|documented|shows?|showed|displayed)\b/i;

export const HINDSIGHT_ABILITY = /\b(?:could|should|would|had\s+to|needed\s+to|have|has|known|knew|notic\w*|seen|saw|spott\w*|check\w*|done|forgot|missed|avoid\w*|caught|catch|look\w*|read|ask\w*|run|ran|tested|reverted|rolled)\b/i;

export const HINDSIGHT_PHRASES = /\b(?:(?:could|should)\s+have\s+been\s+(?:handled|done|managed|planned|executed|tested|prepared|run)\s+(?:much\s+|far\s+|a\s+lot\s+)?(?:better|more\s+carefully|differently)|in\s+hindsight|with\s+(?:the\s+benefit\s+of\s+)?hindsight|(?:was|is|were)\s+never\s+going\s+to\s+work|should\s+have\s+been\s+(?:obvious|clear|caught|noticed)|it\s+was\s+(?:obvious|clear)\s+that|(?:anyone|everyone|any\s+engineer)\s+(?:could|would|should)\s+have)\b/i;

export const ROOT_CAUSE = /\b(?:the\s+)?(?:root|primary|main|real|underlying|single|only|sole|ultimate)\s+cause(?:\s+of\s+(?:the|this)\s+(?:incident|outage|issue|problem|failure))?\s*(?:was|is|:|=)\s*/i;

/** "If only we had…", "if the team had checked…": the person is inside the phrase, so no subject gate. */
export const COUNTERFACTUAL_IF = /(?:^|[,;:]\s*)["“]?had\s+(?:we|they|i|he|she|you|someone|somebody|the\s+(?:team|engineer|operator|on-?call(?:\s+engineer)?|developer|reviewers?|admin))\s+(?:[\w-]+ed|known|seen|done|taken|run|been|caught)\b|\bif\s+only\b|\bif\s+(?:we|they|i|he|she|you|the\s+(?:team|engineer|operator|on-?call(?:\s+engineer)?|developer)|someone|somebody)\s+had\s+(?:[\w-]+ed|known|seen|done|taken|run|been|caught)\b/i;

/** "an oversight by the on-call engineer", "a mistake by the DBA": the label pinned on someone (the agent is checked in detect.ts). */
export const ERROR_BY = /\b(?:(?:oversight|mistake|blunder|slip)s?\s+(?:by|of|from)|errors?\s+by)\s+/gi;

/** "made a mistake", "made an error": the label, when a person made it (subject checked in detect.ts). */
export const MADE_MISTAKE = /\b(?:made|makes|making|make)\s+(?:a|an|the|one|two|several|some|another)\s+(?:\w+\s+)?(?:mistake|error|blunder|slip)s?\b/gi;
