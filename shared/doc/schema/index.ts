export { Assignment } from './assignment.ts';
export {
  type AssignmentBlock,
  type BodyBlock,
  type BodyInput,
  type BodyJson,
  type BodyMarkJson,
  blockToJson,
  bodyInputToJson,
  type DecisionPart,
  isBodyJson,
  type ListBlock,
  type ParagraphBlock,
  plainText,
  type VoteResult,
} from './bodyJson.ts';
export {
  type BodyAttrType,
  type BodyMarkName,
  type BodyNodeName,
  bodyMarkAttributes,
  bodyNodeAttributes,
  bodySchema,
} from './bodySchema.ts';
export { Decision, parseCount } from './decision.ts';
export {
  BodyBlockquote,
  BodyBulletList,
  BodyDocument,
  BodyListItem,
  BodyOrderedList,
  BodyTable,
  BodyTableCell,
  BodyTableHeader,
  bodyExtensions,
} from './extensions.ts';
export {
  type BodyIssue,
  matchesAttrType,
  maxBodyDepth,
  readBodyJson,
  validateBodyJson,
  validateItemBody,
} from './validateBody.ts';
export { writeBody } from './writeBody.ts';
